import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import type { FleetRuntime } from '../../fleet/fleet-runtime.ts';
import { FleetRuntimeProvider } from './fleet-runtime-context.tsx';
import { routes } from './routes.tsx';
import { useApplyTheme } from './use-apply-theme.ts';

export function App({ runtime }: { runtime: FleetRuntime }) {
  useApplyTheme();
  const [queryClient] = useState(
    () =>
      new QueryClient({
        // Refetch pauses while the tab is hidden (TanStack's default) and resumes on focus.
        defaultOptions: { queries: { refetchOnWindowFocus: true, refetchIntervalInBackground: false } },
      }),
  );
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <FleetRuntimeProvider runtime={runtime}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </FleetRuntimeProvider>
  );
}
