import { describe, expect, it } from 'vitest';
import { DIRECT } from '../../../openstack/index.ts';
import type { CloudDefinition } from '../../../fleet/registry/cloud-definition.ts';
import { cloudOfFormValues, formValuesOf } from './cloud-form-values.ts';

const direct = () => DIRECT;

describe('the cloud form', () => {
  it('turns typed values into a definition, secret included, regions split', () => {
    const result = cloudOfFormValues(
      { ...formValuesOf(), name: ' lab ', authUrl: 'https://lab.example.test:5000', username: 'ops', projectName: 'demo', regions: 'r1, r2', secret: ' pw ' },
      { taken: [], transportFor: direct },
    );
    expect(result).toEqual({
      ok: true,
      cloud: expect.objectContaining({
        name: 'lab',
        auth: expect.objectContaining({ type: 'password', username: 'ops', password: ' pw ', userDomainName: 'Default' }),
        scope: expect.objectContaining({ projectName: 'demo', projectDomainName: 'Default' }),
        regionName: ['r1', 'r2'],
        source: 'user',
      }),
    });
  });

  it('reports problems by key, and a name already taken', () => {
    const missing = cloudOfFormValues({ ...formValuesOf(), name: 'lab' }, { taken: [], transportFor: direct });
    expect(missing.ok ? [] : missing.problems.map((p) => p.key)).toEqual(['auth.auth_url', 'auth.username']);
    const taken = cloudOfFormValues({ ...formValuesOf(), name: 'ams' }, { taken: ['ams'], transportFor: direct });
    expect(taken).toEqual({ ok: false, problems: [{ cloud: 'ams', key: '(name)', message: 'is already in the registry' }] });
  });

  it('keeps settings the form does not show when editing, and never shows the secret', () => {
    const cloud: CloudDefinition = {
      name: 'ams',
      authUrl: 'https://ams.example.test/v3',
      auth: { type: 'password', userId: 'u-123', password: 'in-memory' },
      scope: { projectId: 'p-9' },
      transport: DIRECT,
      source: 'user',
    };
    const values = formValuesOf(cloud);
    expect(values.secret).toBe('');
    const result = cloudOfFormValues({ ...values, regions: 'ams-1' }, { editing: cloud, taken: ['ams'], transportFor: direct });
    expect(result).toMatchObject({ ok: true, cloud: { auth: { userId: 'u-123', password: '' }, scope: { projectId: 'p-9' }, regionName: 'ams-1' } });
  });
});
