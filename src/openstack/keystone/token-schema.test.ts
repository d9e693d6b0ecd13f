import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OpenStackError } from '../errors.ts';
import { parseBody } from '../parse-body.ts';
import { availableProjectsSchema } from './list-auth-projects.ts';
import { tokenResponseSchema } from './token-schema.ts';

const SAMPLES = new URL('../../../../shared/openstack-api-samples/keystone/', import.meta.url);
const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, SAMPLES), 'utf8'));

const TOKEN_SAMPLES = [
  'v3/samples/admin/auth-password-project-scoped-response.json',
  'v3/samples/admin/auth-password-unscoped-response.json',
  'v3/samples/admin/auth-password-explicit-unscoped-response.json',
  'v3/samples/admin/auth-token-scoped-response.json',
  'v3/samples/admin/auth-token-unscoped-response.json',
  'v3/samples/admin/auth-application-credential-response.json',
  'v3-ext/federation/auth/samples/scoped-token-response.json',
  'v3-ext/federation/auth/samples/unscoped-token-response.json',
  ...readdirSync(new URL('v3/samples/auth/responses/', SAMPLES))
    // An auth receipt is the first half of multi-factor sign-in, not a token.
    .filter((name) => name.endsWith('.json') && !name.startsWith('auth-receipt'))
    .map((name) => `v3/samples/auth/responses/${name}`),
];

describe('token response schema', () => {
  it('covers the upstream samples', () => {
    expect(TOKEN_SAMPLES.length).toBeGreaterThanOrEqual(16);
  });

  it.each(TOKEN_SAMPLES)('accepts %s', (path) => {
    const parsed = tokenResponseSchema.parse(read(path));
    expect(parsed.token.user.id).not.toBe('');
  });

  it('keeps the fields the session uses', () => {
    const { token } = tokenResponseSchema.parse(read('v3/samples/admin/auth-password-project-scoped-response.json'));
    expect(token.project).toEqual({ id: 'a6944d763bf64ee6a275f1263fae0352', name: 'admin', domain: { id: 'default', name: 'Default' } });
    expect(token.roles?.map((r) => r.name)).toEqual(['admin']);
    expect(token.catalog?.length).toBe(13);
    expect(token.expires_at).toBe('2015-11-07T02:58:43.578887Z');
  });

  it('names the missing field when a token lacks its user id', () => {
    const broken = { token: { methods: ['password'], user: { name: 'admin' } } };
    expect(() => parseBody(tokenResponseSchema, broken, { cloud: 'prod', service: 'identity' })).toThrow(OpenStackError);
    expect(() => parseBody(tokenResponseSchema, broken, { cloud: 'prod', service: 'identity' })).toThrow(/token\.user\.id/);
  });

  it('accepts the available project scopes sample', () => {
    const parsed = availableProjectsSchema.parse(read('v3/samples/admin/get-available-project-scopes-response.json'));
    expect(parsed.projects.map((p) => p.name)).toEqual(['Test Group', 'Build Group']);
  });
});
