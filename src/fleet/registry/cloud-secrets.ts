import type { AuthMethod } from '../../openstack/index.ts';
import type { CloudDefinition } from './cloud-definition.ts';

/** The one secret each sign-in method carries: what storage never sees and the sign-in form asks for. */
export type SecretKind = 'password' | 'application credential secret' | 'token' | 'access token';

export function secretKindOf(auth: AuthMethod): SecretKind {
  switch (auth.type) {
    case 'password':
      return 'password';
    case 'applicationCredential':
      return 'application credential secret';
    case 'token':
      return 'token';
    case 'oidcAccessToken':
      return 'access token';
  }
}

export function secretOf(auth: AuthMethod): string {
  switch (auth.type) {
    case 'password':
      return auth.password;
    case 'applicationCredential':
      return auth.secret;
    case 'token':
      return auth.token;
    case 'oidcAccessToken':
      return auth.accessToken;
  }
}

export function authWithSecret(auth: AuthMethod, secret: string): AuthMethod {
  switch (auth.type) {
    case 'password':
      return { ...auth, password: secret };
    case 'applicationCredential':
      return { ...auth, secret };
    case 'token':
      return { ...auth, token: secret };
    case 'oidcAccessToken':
      return { ...auth, accessToken: secret };
  }
}

/** The definition as it may be stored or exported: its secret is the empty string. */
export function withoutSecret(cloud: CloudDefinition): CloudDefinition {
  return secretOf(cloud.auth) === '' ? cloud : { ...cloud, auth: authWithSecret(cloud.auth, '') };
}

/** The secret the cloud lacks before it can sign in, if any. */
export function missingSecret(cloud: CloudDefinition): SecretKind | undefined {
  return secretOf(cloud.auth) === '' ? secretKindOf(cloud.auth) : undefined;
}
