import { describe, expect, it } from 'vitest';
import { DEFAULT_WALL_SETTINGS, wallConfigSchema, wallSettings } from './wall-settings.ts';

const params = (query: string) => new URLSearchParams(query);

describe('wallSettings', () => {
  it('defaults to every view, a 30 s rotation and a 60 s refresh', () => {
    expect(wallSettings(params(''))).toEqual(DEFAULT_WALL_SETTINGS);
  });

  it('takes the URL over the runtime config over the defaults', () => {
    const config = { views: ['topology'], rotateSeconds: 20, refreshSeconds: 120 };
    expect(wallSettings(params(''), config)).toEqual({ views: ['topology'], rotateMs: 20_000, refreshMs: 120_000 });
    expect(wallSettings(params('views=health,changes&rotate=2&refresh=5'), config)).toEqual({
      views: ['health', 'changes'],
      rotateMs: 2_000,
      refreshMs: 5_000,
    });
  });

  it('drops unknown and repeated views, and ignores a list with none it knows', () => {
    expect(wallSettings(params('views=Topology,<script>,topology,health')).views).toEqual(['topology', 'health']);
    expect(wallSettings(params('views=nope'), { views: ['changes'] }).views).toEqual(['changes']);
    expect(wallSettings(params('views=')).views).toEqual(DEFAULT_WALL_SETTINGS.views);
  });

  it('clamps times into sensible bounds and ignores what is not a number', () => {
    expect(wallSettings(params('rotate=0&refresh=0.1'))).toMatchObject({ rotateMs: 1_000, refreshMs: 2_000 });
    expect(wallSettings(params('rotate=1e9&refresh=abc'))).toMatchObject({ rotateMs: 3_600_000, refreshMs: 60_000 });
  });
});

describe('wallConfigSchema', () => {
  it('accepts the documented section and refuses times that are not positive numbers', () => {
    expect(wallConfigSchema.safeParse({ views: ['health'], rotateSeconds: 30, refreshSeconds: 60 }).success).toBe(true);
    expect(wallConfigSchema.safeParse({ rotateSeconds: '30' }).success).toBe(false);
    expect(wallConfigSchema.safeParse({ refreshSeconds: -1 }).success).toBe(false);
  });
});
