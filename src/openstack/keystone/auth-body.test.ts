import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AuthSettingsError, authRequestBody, rescopeBody, type AuthMethod } from './auth-body.ts';

const SAMPLES = new URL('../../../../shared/openstack-api-samples/keystone/v3/samples/', import.meta.url);
const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, SAMPLES), 'utf8'));

describe('auth request bodies match the upstream request samples', () => {
  it('password by user id, project by name and domain id', () => {
    const auth: AuthMethod = { type: 'password', userId: 'ee4dfb6e5540447cb3741905149d9b6e', password: 'devstacker' };
    expect(authRequestBody(auth, { projectName: 'admin', projectDomainId: 'default' })).toEqual(read('auth/requests/project-name-password.json'));
  });

  it('password by user id, project by id', () => {
    const auth: AuthMethod = { type: 'password', userId: 'ee4dfb6e5540447cb3741905149d9b6e', password: 'devstacker' };
    expect(authRequestBody(auth, { projectId: 'a6944d763bf64ee6a275f1263fae0352' })).toEqual(read('auth/requests/project-id-password.json'));
  });

  it('password by username and domain name, unscoped', () => {
    const auth: AuthMethod = { type: 'password', username: 'admin', userDomainName: 'Default', password: 'devstacker' };
    expect(authRequestBody(auth)).toEqual(read('admin/auth-password-unscoped-request-with-domain.json'));
  });

  it('token, project by id', () => {
    expect(authRequestBody({ type: 'token', token: "'$OS_TOKEN'" }, { projectId: 'a6944d763bf64ee6a275f1263fae0352' })).toEqual(
      read('auth/requests/project-id-token.json'),
    );
    expect(rescopeBody("'$OS_TOKEN'", 'a6944d763bf64ee6a275f1263fae0352')).toEqual(read('auth/requests/project-id-token.json'));
  });

  it('application credential by id, ignoring any project settings', () => {
    const auth: AuthMethod = { type: 'applicationCredential', id: '423f19a4ac1e4f48bbb4180756e6eb6c', secret: 'rEaqvJka48mpv' };
    expect(authRequestBody(auth, { projectName: 'demo', projectDomainName: 'Default' })).toEqual(
      read('admin/auth-application-credential-id-request.json'),
    );
  });

  it('application credential by name and user id', () => {
    const auth: AuthMethod = { type: 'applicationCredential', name: 'monitoring', userId: '423f19a4ac1e4f48bbb4180756e6eb6c', secret: 'rEaqvJka48mpv' };
    expect(authRequestBody(auth)).toEqual(read('admin/auth-application-credential-name-request.json'));
  });
});

describe('incomplete auth settings', () => {
  it.each<[string, AuthMethod, object | undefined, RegExp]>([
    ['a username without domain', { type: 'password', username: 'admin', password: 'hunter2' }, undefined, /user domain/],
    ['no user at all', { type: 'password', password: 'hunter2' }, undefined, /user id or a username/],
    ['a project name without domain', { type: 'password', userId: 'u', password: 'hunter2' }, { projectName: 'p' }, /project domain/],
    ['an application credential without id or name', { type: 'applicationCredential', secret: 'hunter2' }, undefined, /an id, or a name/],
    ['an application credential name without user', { type: 'applicationCredential', name: 'x', secret: 'hunter2' }, undefined, /user id or a username/],
  ])('rejects %s without echoing the secret', (_, auth, scope, message) => {
    let caught: unknown;
    try {
      authRequestBody(auth, scope);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(AuthSettingsError);
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message).not.toContain('hunter2');
  });
});
