import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { createBrowserRouter } from 'react-router';
// The DOM build of the provider, so a navigation may ask for flushSync (a control whose state is the URL).
import { RouterProvider } from 'react-router/dom';
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
