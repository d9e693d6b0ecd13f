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

  it('rejects a file of the wrong shape with the path of the bad key', () => {
    expect(() => parseRuntimeConfig({ readOnly: 'yes' })).toThrow(RuntimeConfigError);
    expect(() => parseRuntimeConfig({ readOnly: 'yes' })).toThrow(/readOnly/);
  });

  it('runs the demo by default only in development', () => {
    expect(defaultRuntimeConfig(true).demo).toEqual({});
    expect(defaultRuntimeConfig(false).demo).toBeUndefined();
  });
});
