import { z } from 'zod';

export const WALL_VIEWS = ['health', 'topology', 'changes'] as const;
export type WallView = (typeof WALL_VIEWS)[number];

/**
 * The runtime config's `wall` section. Lenient like the rest of the file: an
 * unknown view name is dropped when the wall starts, not a reason to refuse
 * the whole config (and with it every cloud).
 */
export const wallConfigSchema = z.object({
  views: z.array(z.string()).optional(),
  rotateSeconds: z.number().positive().optional(),
  refreshSeconds: z.number().positive().optional(),
});

export type WallConfig = z.infer<typeof wallConfigSchema>;

export interface WallSettings {
  views: readonly WallView[];
  rotateMs: number;
  refreshMs: number;
}

export const DEFAULT_WALL_SETTINGS: Readonly<WallSettings> = Object.freeze({ views: WALL_VIEWS, rotateMs: 30_000, refreshMs: 60_000 });

const ROTATE_SECONDS = { min: 1, max: 3600 };
/** A refresh reloads every cloud's topology; faster than this only burdens the clouds. */
const REFRESH_SECONDS = { min: 2, max: 3600 };

/**
 * The wall's settings: the URL (`?views=health,topology&rotate=30&refresh=60`)
 * over the runtime config over the defaults. Never throws: a mistyped link
 * gives the nearest sensible wall.
 */
export function wallSettings(params: URLSearchParams, config: WallConfig = {}): WallSettings {
  const views = parseViews(params.get('views')?.split(',')) ?? parseViews(config.views) ?? DEFAULT_WALL_SETTINGS.views;
  const rotate = seconds(params.get('rotate'), ROTATE_SECONDS) ?? seconds(config.rotateSeconds, ROTATE_SECONDS);
  const refresh = seconds(params.get('refresh'), REFRESH_SECONDS) ?? seconds(config.refreshSeconds, REFRESH_SECONDS);
  return {
    views,
    rotateMs: rotate === undefined ? DEFAULT_WALL_SETTINGS.rotateMs : rotate * 1000,
    refreshMs: refresh === undefined ? DEFAULT_WALL_SETTINGS.refreshMs : refresh * 1000,
  };
}

function parseViews(names: readonly string[] | undefined): WallView[] | undefined {
  if (!names) return undefined;
  const views = [...new Set(names.map((name) => name.trim().toLowerCase()))].filter((name): name is WallView =>
    (WALL_VIEWS as readonly string[]).includes(name),
  );
  return views.length > 0 ? views : undefined;
}

function seconds(value: string | number | null | undefined, range: { min: number; max: number }): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const number = Number(value);
  if (!Number.isFinite(number)) return undefined;
  return Math.min(range.max, Math.max(range.min, number));
}
