import { describe, expect, it } from 'vitest';
import { defaultRuntimeConfig, parseRuntimeConfig, RuntimeConfigError } from './runtime-config.ts';

const entry = (url: string) => ({ auth: { auth_url: url, username: 'u', password: 'p', project_name: 'demo' } });

describe('parseRuntimeConfig', () => {
  it('loads the good clouds and reports the bad ones by name and key', () => {
    const config = parseRuntimeConfig({
      clouds: { ams: entry('https://ams.example.test/v3'), broken: { auth: { username: 'u' } } },
    });
    expect(config.clouds.map((c) => c.name)).toEqual(['ams']);
    expect(config.problems).toEqual([{ cloud: 'broken', key: 'auth.auth_url', message: 'is missing' }]);
  });

  it('routes only the named clouds through the proxy', () => {
    const config = parseRuntimeConfig({
      clouds: { ams: entry('https://ams.example.test/v3'), fra: entry('https://fra.example.test/v3') },
      proxy: { basePath: '/os-proxy', clouds: ['fra'] },
    });
    expect(config.clouds.map((c) => [c.name, c.transport])).toEqual([
      ['ams', { kind: 'direct' }],
      ['fra', { kind: 'proxy', basePath: '/os-proxy' }],
    ]);
  });

  it('turns the demo on with the default or a given fleet', () => {
    expect(parseRuntimeConfig({ demo: true }).demo).toEqual({});
    expect(parseRuntimeConfig({ demo: { fleet: 'sites=2' } }).demo).toEqual({ fleet: 'sites=2' });
    expect(parseRuntimeConfig({}).demo).toBeUndefined();
  });

  it('reads the topology rules and reports a bad one by cloud and key, beside the clouds', () => {
    const config = parseRuntimeConfig({
      clouds: { ams: entry('https://ams.example.test/v3') },
      topology: { clouds: { 'edge-*': { sites: { from: 'whole-cloud' } }, ams: { cells: { from: 'host-pattern', pattern: '[' } } } },
    });
    expect(config.clouds.map((c) => c.name)).toEqual(['ams']);
    expect(config.topology).toEqual({ clouds: { 'edge-*': { sites: { from: 'whole-cloud' } } } });
    expect(config.problems).toEqual([{ cloud: 'ams', key: 'topology.clouds.ams.cells.pattern', message: expect.stringContaining('regular expression') }]);
  });

  it('rejects a file of the wrong shape with the path of the bad key', () => {
    expect(() => parseRuntimeConfig({ readOnly: 'yes' })).toThrow(RuntimeConfigError);
    expect(() => parseRuntimeConfig({ readOnly: 'yes' })).toThrow(/readOnly/);
  });

  const federated = {
    auth_type: 'v3oidcbrowser',
    auth: { auth_url: 'http://127.0.0.1:25080/v3', identity_provider: 'lab-oidc', protocol: 'openid' },
  };

  it('reads the OIDC provider, with the default scope and callback path', () => {
    const config = parseRuntimeConfig({ oidc: { issuer: 'http://127.0.0.1:25070', clientId: 'archipelago-console' }, clouds: { 'lab-a': federated } });
    expect(config.oidc).toEqual({ issuer: 'http://127.0.0.1:25070', clientId: 'archipelago-console', scope: 'openid profile email', redirectPath: '/auth/callback' });
    expect(config.clouds).toMatchObject([{ name: 'lab-a', browserLogin: true, auth: { type: 'oidcAccessToken', accessToken: '' } }]);
    expect(config.problems).toEqual([]);
  });

  it('keeps a given scope and callback path', () => {
    const config = parseRuntimeConfig({ oidc: { issuer: 'https://id.example.test/realms/ops/', clientId: 'c', scope: 'openid groups', redirectPath: '/oidc/callback' } });
    expect(config.oidc).toEqual({ issuer: 'https://id.example.test/realms/ops/', clientId: 'c', scope: 'openid groups', redirectPath: '/oidc/callback' });
  });

  it.each([
    [{ issuer: 'not a url', clientId: 'c' }, /oidc\.issuer/],
    [{ issuer: 'ftp://id.example.test', clientId: 'c' }, /oidc\.issuer/],
    [{ issuer: 'https://id.example.test' }, /oidc\.clientId/],
    [{ issuer: 'https://id.example.test', clientId: 'c', redirectPath: '//evil.example.test/cb' }, /oidc\.redirectPath/],
    [{ issuer: 'https://id.example.test', clientId: 'c', redirectPath: 'https://evil.example.test/cb' }, /oidc\.redirectPath/],
  ])('rejects unusable OIDC settings %j, naming the key', (oidc, key) => {
    expect(() => parseRuntimeConfig({ oidc })).toThrow(key);
  });

  it('reports a v3oidcbrowser cloud when no OIDC provider is configured, and loads the others', () => {
    const config = parseRuntimeConfig({ clouds: { 'lab-a': federated, ams: entry('https://ams.example.test/v3') } });
    expect(config.clouds.map((c) => c.name)).toEqual(['ams']);
    expect(config.problems).toEqual([{ cloud: 'lab-a', key: 'auth_type', message: expect.stringMatching(/"oidc" section/) }]);
  });

  it('runs the demo by default only in development', () => {
    expect(defaultRuntimeConfig(true).demo).toEqual({});
    expect(defaultRuntimeConfig(false).demo).toBeUndefined();
  });
});
