import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIRECT } from '../../openstack/index.ts';
import { exportCloudsYaml } from './export-clouds-yaml.ts';
import { importCloudsYaml } from './merge-import.ts';
import { AC_SECRET, CLOUDS_YAML_WITH_SECRETS, PASSWORD, secretFreeClouds, userCloud } from './test-clouds.ts';

describe('exportCloudsYaml', () => {
  it('writes no secret, whatever the definitions hold', () => {
    const { added } = importCloudsYaml(CLOUDS_YAML_WITH_SECRETS, [], () => DIRECT);
    const text = exportCloudsYaml(added);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(AC_SECRET);
    expect(text).not.toMatch(/password:|secret:|token:/);
    expect(text).toMatch(/^# Exported by Archipelago/);
    expect(text).toContain('auth_type: v3applicationcredential');
  });

  it('writes a browser-login cloud as v3oidcbrowser, without the token of the sign-in', () => {
    const cloud = {
      ...userCloud('lab-a'),
      auth: { type: 'oidcAccessToken' as const, identityProvider: 'lab-oidc', protocol: 'openid', accessToken: 'at-from-sign-in' },
      browserLogin: true,
    };
    const text = exportCloudsYaml([cloud]);
    expect(text).toContain('auth_type: v3oidcbrowser');
    expect(text).toContain('identity_provider: lab-oidc');
    expect(text).not.toContain('at-from-sign-in');
  });

  it('leaves the demo clouds out', () => {
    const text = exportCloudsYaml([{ ...userCloud('demo-site'), source: 'demo' }, userCloud('mine')]);
    expect(text).not.toContain('demo-site');
    expect(text).toContain('mine:');
  });

  it('round-trips: importing the export gives back the same clouds, without secrets', () => {
    fc.assert(
      fc.property(secretFreeClouds, (clouds) => {
        const result = importCloudsYaml(exportCloudsYaml(clouds), [], () => DIRECT);
        expect(result.problems).toEqual([]);
        expect(result.added).toEqual(clouds);
      }),
    );
  });
});
