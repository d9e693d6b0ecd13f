import { describe, expect, it } from 'vitest';
import { DIRECT } from '../../openstack/index.ts';
import { importCloudsYaml } from './merge-import.ts';
import { AC_SECRET, CLOUDS_YAML_WITH_SECRETS, PASSWORD, userCloud } from './test-clouds.ts';

const direct = () => DIRECT;

describe('importCloudsYaml', () => {
  it('imports every usable cloud with its secret, regions, interface and scope, and warns about verify: false', () => {
    const result = importCloudsYaml(CLOUDS_YAML_WITH_SECRETS, [], direct);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([{ cloud: 'ams', key: 'verify', message: expect.stringMatching(/not applicable in a browser/) }]);
    expect(result.added.map((c) => c.name)).toEqual(['core', 'ams']);
    expect(result.added[0]).toMatchObject({
      source: 'user',
      auth: { type: 'password', password: PASSWORD },
      regionName: ['eu-west-1', 'eu-central-1'],
      interface: 'public',
      scope: { projectName: 'admin', projectDomainName: 'Default' },
    });
    expect(result.added[1]?.auth).toMatchObject({ type: 'applicationCredential', id: 'ac-1', secret: AC_SECRET });
  });

  it('refuses a name already in the registry, saying where it came from, and still imports the others', () => {
    const result = importCloudsYaml(CLOUDS_YAML_WITH_SECRETS, [{ ...userCloud('core'), source: 'demo' }], direct);
    expect(result.added.map((c) => c.name)).toEqual(['ams']);
    expect(result.problems).toEqual([{ cloud: 'core', key: '(name)', message: expect.stringMatching(/already in the registry \(a demo cloud\)/) }]);
  });

  it('names the cloud and key of an unknown auth_type and a missing auth_url, and imports the rest', () => {
    const text = `clouds:
  saml: {auth_type: v3samlpassword, auth: {auth_url: "https://saml.example.test"}}
  nourl: {auth: {username: ops, password: x}}
  good: {auth: {auth_url: "https://good.example.test", username: ops}}
`;
    const result = importCloudsYaml(text, [], direct);
    expect(result.added.map((c) => c.name)).toEqual(['good']);
    expect(result.problems).toEqual([
      { cloud: 'saml', key: 'auth_type', message: expect.stringMatching(/"v3samlpassword" is not supported/) },
      { cloud: 'nourl', key: 'auth.auth_url', message: 'is missing' },
    ]);
  });

  it('gives each new cloud the transport the runtime config names for it', () => {
    const result = importCloudsYaml(CLOUDS_YAML_WITH_SECRETS, [], (name) => (name === 'ams' ? { kind: 'proxy', basePath: '/os-proxy' } : DIRECT));
    expect(result.added.map((c) => [c.name, c.transport.kind])).toEqual([
      ['core', 'direct'],
      ['ams', 'proxy'],
    ]);
  });

  it('passes file problems through and imports nothing from a broken file', () => {
    const result = importCloudsYaml('clouds: [', [], direct);
    expect(result.added).toEqual([]);
    expect(result.problems[0]?.message).toMatch(/not valid YAML/);
  });
});
