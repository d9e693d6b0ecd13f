import { describe, expect, it } from 'vitest';
import { keepUnchanged } from './keep-unchanged.ts';
import { cloud, networkError, region } from './testing/topology-fixtures.ts';

describe('keepUnchanged', () => {
  const ams = cloud('ams', [region('RegionOne', { hosts: [{ host: 'cmp-1', zone: 'ams' }] })]);
  const fra = cloud('fra', [region('RegionOne', { hosts: [{ host: 'cmp-1', zone: 'fra' }] })]);

  it('keeps the previous object of a cloud whose fields are the same values, and takes the new one of a cloud that changed', () => {
    const error = networkError('fra');
    const next = keepUnchanged([ams, fra], [{ ...ams }, { ...fra, status: 'failing', error }]);
    expect(next[0]).toBe(ams);
    expect(next[1]).toEqual({ ...fra, status: 'failing', error });
    expect(next[1]).not.toBe(fra);
  });

  it('compares data by identity: a new answer with the same content is a change', () => {
    const reloaded = { ...ams, data: { cloud: 'ams', regions: [...(ams.data?.regions ?? [])] } };
    expect(keepUnchanged([ams], [reloaded])[0]).toBe(reloaded);
  });

  it('takes every input as it is the first time, and follows the new order', () => {
    expect(keepUnchanged(undefined, [fra, ams])).toEqual([fra, ams]);
    expect(keepUnchanged([ams, fra], [{ ...fra }, { ...ams }])).toEqual([fra, ams]);
    expect(keepUnchanged([ams, fra], [{ ...fra }, { ...ams }])[0]).toBe(fra);
  });
});
