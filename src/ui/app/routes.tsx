import { Navigate, type RouteObject } from 'react-router';
import { CloudsPage } from '../features/clouds/CloudsPage.tsx';
import { PlannedPage } from '../features/planned/PlannedPage.tsx';
import { ServersPage } from '../features/servers/ServersPage.tsx';
import { PLANNED_VIEWS } from '../features/planned/planned-views.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { Shell } from './Shell.tsx';

export const routes: RouteObject[] = [
  {
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/clouds" replace /> },
      { path: 'clouds', element: <CloudsPage /> },
      { path: 'servers', element: <ServersPage /> },
      { path: 'networks', element: <PlannedPage view={PLANNED_VIEWS.networks} /> },
      { path: 'images', element: <PlannedPage view={PLANNED_VIEWS.images} /> },
      { path: 'topology', lazy: async () => ({ Component: (await import('../features/topology/TopologyPage.tsx')).TopologyPage }) },
      { path: 'actions', element: <PlannedPage view={PLANNED_VIEWS.actions} /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  // The wall and embedded panels are chrome-less by design: no navigation, no header.
  { path: 'wall', lazy: async () => ({ Component: (await import('../features/wall/WallPage.tsx')).WallPage }) },
  { path: 'embed/:panel', lazy: async () => ({ Component: (await import('../features/embed/EmbedPage.tsx')).EmbedPage }) },
];
