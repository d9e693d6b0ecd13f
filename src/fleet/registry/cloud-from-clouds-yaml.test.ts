import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloudFromCloudsYamlEntry } from './cloud-from-clouds-yaml.ts';

describe('cloudFromCloudsYamlEntry', () => {
  it('reads a password cloud with project scope and a list of regions', () => {
    const result = cloudFromCloudsYamlEntry(
      'core',
      {
        auth: {
          auth_url: 'https://keystone.core.example.test:5000/v3',
          username: 'ops',
          password: 's3cret',
          project_name: 'admin',
          user_domain_name: 'Default',
          project_domain_name: 'Default',
        },
        region_name: ['eu-west-1', 'eu-central-1'],
        interface: 'public',
        some_unknown_key: true,
      },
      'runtime-config',
    );
    expect(result).toEqual({
      ok: true,
      warnings: [],
      cloud: {
        name: 'core',
        authUrl: 'https://keystone.core.example.test:5000/v3',
        auth: { type: 'password', username: 'ops', userId: undefined, password: 's3cret', userDomainName: 'Default', userDomainId: undefined },
        scope: { projectId: undefined, projectName: 'admin', projectDomainName: 'Default', projectDomainId: undefined },
        regionName: ['eu-west-1', 'eu-central-1'],
        interface: 'public',
        transport: { kind: 'direct' },
        source: 'runtime-config',
      },
    });
  });

  it('reads v3oidcbrowser as a federated cloud whose token comes from the browser sign-in, never from the file', () => {
    const result = cloudFromCloudsYamlEntry(
      'lab-a',
      {
        auth_type: 'v3oidcbrowser',
        auth: { auth_url: 'http://127.0.0.1:25080/v3', identity_provider: 'lab-oidc', protocol: 'openid', access_token: 'stray-token', project_name: 'demo', project_domain_name: 'Default' },
      },
      'user',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.cloud).toMatchObject({
      browserLogin: true,
      auth: { type: 'oidcAccessToken', identityProvider: 'lab-oidc', protocol: 'openid', accessToken: '' },
      scope: { projectName: 'demo', projectDomainName: 'Default' },
    });
  });

  it('names the missing identity provider and protocol of a v3oidcbrowser cloud', () => {
    const result = cloudFromCloudsYamlEntry('fed', { auth_type: 'v3oidcbrowser', auth: { auth_url: 'https://k.example.test/v3' } }, 'user');
    expect(result).toEqual({
      ok: false,
      problems: [
        { cloud: 'fed', key: 'auth.identity_provider', message: 'is missing' },
        { cloud: 'fed', key: 'auth.protocol', message: 'is missing' },
      ],
    });
  });

  it('does not mark the other OIDC method as a browser sign-in', () => {
    const result = cloudFromCloudsYamlEntry(
      'fed',
      { auth_type: 'v3oidcaccesstoken', auth: { auth_url: 'https://k.example.test/v3', identity_provider: 'i', protocol: 'openid', access_token: 'at' } },
      'user',
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.cloud.browserLogin).toBeUndefined();
    expect(result.cloud.auth).toMatchObject({ accessToken: 'at' });
  });

  it('reads an application credential and warns that verify: false does not apply', () => {
    const result = cloudFromCloudsYamlEntry(
      'ams',
      {
        auth_type: 'v3applicationcredential',
        auth: { auth_url: 'https://ams.example.test/identity/v3', application_credential_id: 'ac-1', application_credential_secret: 'x' },
        verify: false,
      },
      'user',
    );
    expect(result.ok && result.cloud.auth).toMatchObject({ type: 'applicationCredential', id: 'ac-1', secret: 'x' });
    expect(result.ok && result.warnings).toEqual([{ cloud: 'ams', key: 'verify', message: expect.stringMatching(/browser/) }]);
  });

  it('names the cloud and the key for a missing auth_url and an unsupported auth_type', () => {
    expect(cloudFromCloudsYamlEntry('fra', { auth: { username: 'u' } }, 'user')).toEqual({
      ok: false,
      problems: [{ cloud: 'fra', key: 'auth.auth_url', message: 'is missing' }],
    });
    const unsupported = cloudFromCloudsYamlEntry('par', { auth_type: 'v3samlpassword', auth: { auth_url: 'https://par.example.test' } }, 'user');
    expect(unsupported).toMatchObject({ ok: false, problems: [{ cloud: 'par', key: 'auth_type' }] });
  });

  it('rejects an entry that is not a mapping', () => {
    expect(cloudFromCloudsYamlEntry('lon', 'nonsense', 'user')).toMatchObject({ ok: false, problems: [{ cloud: 'lon', key: '(entry)' }] });
  });

  it('reads v3token and v3oidcaccesstoken; a missing secret is asked for later, not a problem', () => {
    expect(cloudFromCloudsYamlEntry('tok', { auth_type: 'v3token', auth: { auth_url: 'https://k.example.test' } }, 'user')).toMatchObject({
      ok: true,
      cloud: { auth: { type: 'token', token: '' } },
    });
    const oidc = cloudFromCloudsYamlEntry(
      'fed',
      { auth_type: 'v3oidcaccesstoken', auth: { auth_url: 'https://k.example.test', identity_provider: 'sso', protocol: 'openid', access_token: 'at' } },
      'user',
    );
    expect(oidc).toMatchObject({ ok: true, cloud: { auth: { type: 'oidcAccessToken', identityProvider: 'sso', protocol: 'openid', accessToken: 'at' } } });
    expect(cloudFromCloudsYamlEntry('fed', { auth_type: 'v3oidcaccesstoken', auth: { auth_url: 'https://k.example.test' } }, 'user')).toEqual({
      ok: false,
      problems: [
        { cloud: 'fed', key: 'auth.identity_provider', message: 'is missing' },
        { cloud: 'fed', key: 'auth.protocol', message: 'is missing' },
      ],
    });
  });

  it('keeps a password exactly as written, spaces included', () => {
    const result = cloudFromCloudsYamlEntry('ams', { auth: { auth_url: 'https://k.example.test', username: 'u', password: ' pw ' } }, 'user');
    expect(result.ok && result.cloud.auth).toMatchObject({ password: ' pw ' });
  });

  it('names every key of the wrong type', () => {
    const result = cloudFromCloudsYamlEntry(
      'odd',
      { auth_type: 3, auth: { auth_url: ['https://k.example.test'], username: { a: 1 } }, region_name: { r: 1 }, interface: 7 },
      'user',
    );
    expect(result.ok ? [] : result.problems.map((p) => p.key)).toEqual(['auth.auth_url', 'auth.username', 'auth_type', 'interface', 'region_name']);
    expect(result.ok ? undefined : result.problems[0]?.message).toBe('must be a single text value');
    const notMapping = cloudFromCloudsYamlEntry('odd', { auth: 'https://k.example.test' }, 'user');
    expect(notMapping.ok ? [] : notMapping.problems[0]).toEqual({ cloud: 'odd', key: 'auth', message: 'must be a mapping of settings' });
  });

  it('refuses names that cannot name a cloud', () => {
    for (const name of ['', ' ams', 'a/b', 'x'.repeat(129)]) {
      expect(cloudFromCloudsYamlEntry(name, { auth: { auth_url: 'https://k.example.test', username: 'u' } }, 'user')).toMatchObject({
        ok: false,
        problems: [{ key: '(name)' }],
      });
    }
  });

  it('never throws, whatever the entry', () => {
    fc.assert(
      fc.property(fc.string(), fc.anything(), (name, raw) => {
        const result = cloudFromCloudsYamlEntry(name, raw, 'user');
        expect(result.ok || result.problems.length > 0).toBe(true);
      }),
    );
  });
});
