import type { WallCloud } from '../../../fleet/wall/wall-cloud.ts';
import { dataAge, STATE_STYLE } from './wall-words.ts';
import { formatCount } from '../../lib/format-count.ts';

/**
 * Clouds that need eyes as large tiles with the reason, the rest as compact
 * chips: on a 200-cloud fleet the healthy ones must not push a problem off screen.
 */
/** Chips beyond this are only counted: about what a 1080p wall shows below a screenful of problems. */
const MAX_CHIPS = 35;

export function WallCloudTiles({ clouds }: { clouds: readonly WallCloud[] }) {
  const attention = clouds.filter((cloud) => cloud.state === 'down' || cloud.state === 'degraded');
  const others = clouds.filter((cloud) => cloud.state !== 'down' && cloud.state !== 'degraded');
  // A large fleet cannot show every healthy cloud; those with nothing to say are counted instead of cut off at the bottom.
  const crowded = others.length > MAX_CHIPS;
  const rest = crowded ? others.filter((cloud) => cloud.state !== 'up' || cloud.errorServers > 0).slice(0, MAX_CHIPS) : others;
  const quietUp = others.length - rest.length;
  return (
    <div className="flex min-h-0 flex-col gap-5">
      {attention.length > 0 ? (
        <ul
          aria-label="Clouds that need attention"
          className={`grid gap-4 ${attention.length > 9 ? 'grid-cols-[repeat(auto-fill,minmax(16rem,1fr))]' : 'grid-cols-[repeat(auto-fill,minmax(20rem,1fr))]'}`}
        >
          {attention.map((cloud) => (
            <li
              key={cloud.cloud}
              aria-label={`${cloud.cloud}: ${STATE_STYLE[cloud.state].label}`}
              className={`rounded-lg border-2 ${attention.length > 9 ? 'px-4 py-2' : 'px-5 py-3'} ${STATE_STYLE[cloud.state].tile}`}
            >
              <div className="flex items-baseline gap-3">
                <bdi className="min-w-0 truncate text-3xl font-bold" title={cloud.cloud}>
                  {cloud.cloud}
                </bdi>
                <span className="ml-auto shrink-0 text-xl font-semibold uppercase">{STATE_STYLE[cloud.state].label}</span>
              </div>
              <p className="truncate text-lg" title={cloud.reason}>
                {cloud.reason ?? '\u00a0'}
              </p>
              <p className="text-lg opacity-80">
                {dataAge(cloud.ageMs)}
                {cloud.errorServers > 0 ? ` · ${cloud.errorServers} in ERROR` : ''}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-3xl font-semibold text-emerald-400">No cloud is down or degraded.</p>
      )}
      <ul aria-label="Other clouds" className="grid min-h-0 grid-cols-[repeat(auto-fill,minmax(10rem,1fr))] content-start gap-2 overflow-hidden">
        {rest.map((cloud) => (
          <li
            key={cloud.cloud}
            aria-label={`${cloud.cloud}: ${STATE_STYLE[cloud.state].label}`}
            className={`flex min-w-0 flex-col rounded border px-2.5 py-1 ${STATE_STYLE[cloud.state].tile}`}
          >
            <span className="flex min-w-0 items-center gap-2">
              <span aria-hidden="true" className={`h-2.5 w-2.5 shrink-0 rounded-full ${STATE_STYLE[cloud.state].dot}`} />
              <bdi className="min-w-0 truncate text-base font-semibold" title={cloud.cloud}>
                {cloud.cloud}
              </bdi>
              {cloud.errorServers > 0 ? <span className="ml-auto shrink-0 text-sm text-amber-300">{cloud.errorServers} ERR</span> : null}
            </span>
            <span className="truncate text-sm text-slate-400">{cloud.state === 'up' ? dataAge(cloud.ageMs) : STATE_STYLE[cloud.state].label}</span>
          </li>
        ))}
      </ul>
      {crowded && quietUp > 0 ? (
        <p className="text-xl text-emerald-300">
          and {formatCount(quietUp)} more {quietUp === 1 ? 'cloud' : 'clouds'} up
        </p>
      ) : null}
    </div>
  );
}
