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
});
