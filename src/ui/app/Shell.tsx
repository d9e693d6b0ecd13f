import { NavLink, Outlet } from 'react-router';
import { useFleetRuntime } from './fleet-runtime-context.tsx';
import { ThemeSwitcher } from './ThemeSwitcher.tsx';
import { FleetStatusBar } from '../features/fleet-status/FleetStatusBar.tsx';
import { ProjectSwitcher } from '../features/projects/ProjectSwitcher.tsx';
import { SignOutButton } from '../features/projects/SignOutButton.tsx';
import { GlobalSearch } from '../features/search/GlobalSearch.tsx';

const NAV = [
  { to: '/clouds', label: 'Clouds' },
  { to: '/servers', label: 'Servers' },
  { to: '/networks', label: 'Networks' },
  { to: '/images', label: 'Images' },
  { to: '/capacity', label: 'Capacity' },
  { to: '/parity', label: 'Parity' },
  { to: '/topology', label: 'Topology' },
  { to: '/actions', label: 'Actions', changesClouds: true },
];

// The wall locks its tab read-only for good (it is meant for a screen of its own), so it opens in a new tab.
const LINK_CLASS = 'block rounded px-3 py-1.5 text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800';

export function Shell() {
  const { origin, readOnly } = useFleetRuntime();
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-1 dark:focus:bg-slate-900">
        Skip to content
      </a>
      <header className="flex flex-wrap items-center gap-4 border-b border-slate-200 bg-slate-50 px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
        <span className="flex items-center gap-2 font-semibold tracking-tight">
          <img src="/favicon.svg" alt="" className="h-5 w-5" />
          Archipelago
        </span>
        {origin.kind === 'demo' ? (
          <span className="rounded bg-teal-100 px-1.5 py-0.5 text-xs font-medium text-teal-900 dark:bg-teal-900 dark:text-teal-100" title={origin.fleetSpec}>
            Demo fleet
          </span>
        ) : null}
        {readOnly ? (
          <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-800 dark:bg-slate-700 dark:text-slate-100">Read-only</span>
        ) : null}
        <div className="ml-auto flex items-center gap-3">
          <GlobalSearch />
          <FleetStatusBar />
          <ProjectSwitcher />
          <ThemeSwitcher />
          <SignOutButton />
        </div>
      </header>
      <div className="flex flex-1">
        <nav aria-label="Main" className="w-44 shrink-0 border-r border-slate-200 px-2 py-3 dark:border-slate-800">
          <ul className="space-y-0.5">
            {NAV.filter((item) => !(readOnly && item.changesClouds)).map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  className={({ isActive }) =>
                    isActive ? 'block rounded bg-teal-50 px-3 py-1.5 font-medium text-teal-900 dark:bg-teal-950 dark:text-teal-100' : LINK_CLASS
                  }
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
            <li>
              <a href="/wall" target="_blank" rel="noopener" className={LINK_CLASS}>
                NOC wall <span aria-hidden="true">↗</span>
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
            </li>
          </ul>
        </nav>
        <main id="main" tabIndex={-1} className="min-w-0 flex-1">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
