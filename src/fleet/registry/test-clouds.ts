import fc from 'fast-check';
import type { CloudDefinition } from './cloud-definition.ts';

/** Shared by the registry's tests: nothing in the app imports it. */
export const PASSWORD = 'pw-3e9c1f-not-for-storage';
export const AC_SECRET = 'ac-secret-77d0-not-for-storage';

export const CLOUDS_YAML_WITH_SECRETS = `
clouds:
  core:
    auth:
      auth_url: https://core.example.test:5000/v3
      username: ops
      password: ${PASSWORD}
      user_domain_name: Default
      project_name: admin
      project_domain_name: Default
    region_name: [eu-west-1, eu-central-1]
    interface: public
    some_unknown_key: kept and ignored
  ams:
    auth_type: v3applicationcredential
    auth:
      auth_url: https://ams.example.test/identity/v3
      application_credential_id: ac-1
      application_credential_secret: ${AC_SECRET}
    verify: false
`;

export const userCloud = (name: string, password = ''): CloudDefinition => ({
  name,
  authUrl: `https://${name}.example.test:5000/v3`,
  auth: { type: 'password', username: 'ops', password, userDomainName: 'Default' },
  transport: { kind: 'direct' },
  source: 'user',
});

const word = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ._@-]{0,14}[A-Za-z0-9]$|^[A-Za-z0-9]$/);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** User clouds without secrets, in the shapes the clouds.yaml mapper produces. */
export const secretFreeCloud: fc.Arbitrary<CloudDefinition> = fc
  .record({
    name: word,
    host: fc.domain(),
    auth: fc.oneof(
      fc.record({ type: fc.constant('password' as const), username: word, userId: maybe(word), password: fc.constant(''), userDomainName: maybe(word), userDomainId: maybe(word) }),
      fc.record({
        type: fc.constant('applicationCredential' as const),
        id: word,
        name: maybe(word),
        secret: fc.constant(''),
        username: maybe(word),
        userId: maybe(word),
        userDomainName: maybe(word),
        userDomainId: maybe(word),
      }),
      fc.record({ type: fc.constant('token' as const), token: fc.constant('') }),
      fc.record({ type: fc.constant('oidcAccessToken' as const), identityProvider: word, protocol: word, accessToken: fc.constant('') }),
    ),
    scope: maybe(fc.record({ projectId: maybe(word), projectName: word, projectDomainName: maybe(word), projectDomainId: maybe(word) })),
    regionName: maybe(fc.oneof(word, fc.array(word, { minLength: 1, maxLength: 3 }))),
    interface: maybe(fc.constantFrom('public' as const, 'internal' as const, 'admin' as const)),
    browserLogin: fc.boolean(),
  })
  .map(({ host, browserLogin, ...cloud }) => ({
    ...cloud,
    authUrl: `https://${host}:5000/v3`,
    transport: { kind: 'direct' as const },
    source: 'user' as const,
    ...(browserLogin && cloud.auth.type === 'oidcAccessToken' ? { browserLogin: true } : {}),
  }));

export const secretFreeClouds = fc.uniqueArray(secretFreeCloud, { selector: (cloud) => cloud.name, maxLength: 5 });
