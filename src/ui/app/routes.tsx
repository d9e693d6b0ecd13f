import { Navigate, type RouteObject } from 'react-router';
import { CloudsPage } from '../features/clouds/CloudsPage.tsx';
import { NetworksPage } from '../features/networks/NetworksPage.tsx';
import { ImagesPage } from '../features/images/ImagesPage.tsx';
import { ServersPage } from '../features/servers/ServersPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { Shell } from './Shell.tsx';

export const routes: RouteObject[] = [
  {
    element: <Shell />,
    children: [
      { index: true, element: <Navigate to="/clouds" replace /> },
      { path: 'clouds', element: <CloudsPage /> },
      { path: 'servers', element: <ServersPage /> },
      { path: 'networks', element: <NetworksPage /> },
      { path: 'images', element: <ImagesPage /> },
      { path: 'capacity', lazy: async () => ({ Component: (await import('../features/capacity/CapacityPage.tsx')).CapacityPage }) },
      { path: 'parity', lazy: async () => ({ Component: (await import('../features/parity/ParityPage.tsx')).ParityPage }) },
      { path: 'topology', lazy: async () => ({ Component: (await import('../features/topology/TopologyPage.tsx')).TopologyPage }) },
      { path: 'actions', lazy: async () => ({ Component: (await import('../features/actions/ActionsPage.tsx')).ActionsPage }) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  // The wall and embedded panels are chrome-less by design: no navigation, no header.
  { path: 'wall', lazy: async () => ({ Component: (await import('../features/wall/WallPage.tsx')).WallPage }) },
  { path: 'embed/:panel', lazy: async () => ({ Component: (await import('../features/embed/EmbedPage.tsx')).EmbedPage }) },
];
