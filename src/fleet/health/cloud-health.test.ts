import { describe, expect, it } from 'vitest';
import { OpenStackError } from '../../openstack/index.ts';
import { cloudHealth, summarizeFleetHealth } from './cloud-health.ts';

const NOW = 1_000_000;
const error = (kind: OpenStackError['kind']) => new OpenStackError('failed', { kind, cloud: 'ams' });

describe('cloudHealth', () => {
  it('is pending before the cloud first answers', () => {
    expect(cloudHealth({ now: NOW, staleAfterMs: 60_000 })).toEqual({ status: 'pending', ageMs: undefined, hasData: false });
  });

  it('is ok with fresh data and stale once the data outlives the threshold', () => {
    expect(cloudHealth({ now: NOW, lastSuccessAt: NOW - 59_000, staleAfterMs: 60_000 }).status).toBe('ok');
    expect(cloudHealth({ now: NOW, lastSuccessAt: NOW - 61_000, staleAfterMs: 60_000 })).toMatchObject({ status: 'stale', ageMs: 61_000 });
  });

  it('maps 401 and 403 to their own statuses and every other error to failing', () => {
    expect(cloudHealth({ now: NOW, error: error('unauthorized'), staleAfterMs: 1 }).status).toBe('unauthorized');
    expect(cloudHealth({ now: NOW, error: error('forbidden'), staleAfterMs: 1 }).status).toBe('forbidden');
    expect(cloudHealth({ now: NOW, error: error('network'), staleAfterMs: 1 }).status).toBe('failing');
    expect(cloudHealth({ now: NOW, error: new TypeError('boom'), staleAfterMs: 1 }).status).toBe('failing');
  });

  it('is sign-in needed, whatever else is known, while the cloud lacks its secret', () => {
    expect(cloudHealth({ now: NOW, lastSuccessAt: NOW, error: error('network'), staleAfterMs: 1, signInNeeded: true })).toEqual({
      status: 'signin-needed',
      ageMs: undefined,
      hasData: false,
    });
  });

  it('keeps the age of older data beside a failure', () => {
    expect(cloudHealth({ now: NOW, lastSuccessAt: NOW - 5_000, error: error('timeout'), staleAfterMs: 60_000 })).toEqual({
      status: 'failing',
      ageMs: 5_000,
      hasData: true,
    });
  });
});

describe('summarizeFleetHealth', () => {
  it('counts each status and treats ok and stale as reachable', () => {
    const summary = summarizeFleetHealth(['ok', 'ok', 'stale', 'failing', 'pending', 'forbidden']);
    expect(summary.total).toBe(6);
    expect(summary.reachable).toBe(3);
    expect(summary.counts).toMatchObject({ ok: 2, stale: 1, failing: 1, pending: 1, forbidden: 1, unauthorized: 0 });
  });
});
