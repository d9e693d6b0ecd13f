import type { TopologyHealth } from '../../../fleet/topology/topology-health.ts';

/** Colors of a health, for the cards (tailwind) and for the minimap and exported SVG (hex). */
export const HEALTH_PALETTE: Record<TopologyHealth, { dot: string; border: string; hex: string }> = {
  ok: { dot: 'bg-emerald-500', border: 'border-emerald-400 dark:border-emerald-700', hex: '#10b981' },
  pending: { dot: 'bg-slate-400 animate-pulse', border: 'border-slate-300 dark:border-slate-600', hex: '#94a3b8' },
  'signin-needed': { dot: 'bg-sky-500', border: 'border-sky-400 dark:border-sky-700', hex: '#0ea5e9' },
  'needs-admin': { dot: 'bg-violet-500', border: 'border-violet-400 dark:border-violet-700', hex: '#8b5cf6' },
  stale: { dot: 'bg-amber-400', border: 'border-amber-300 dark:border-amber-700', hex: '#fbbf24' },
  degraded: { dot: 'bg-orange-500', border: 'border-orange-400 dark:border-orange-600', hex: '#f97316' },
  failing: { dot: 'bg-red-600', border: 'border-red-500 dark:border-red-500', hex: '#dc2626' },
};
