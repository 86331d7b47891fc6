import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { StationConfig } from '../domain/station';
import { createImagingStore } from '../features/link-while-imaging/imaging-store';
import { LinkWhileImaging } from '../features/link-while-imaging/link-while-imaging';
import { SessionGate } from '../features/session/session-gate';
import type { PortalClient } from '../portal/portal';
import { NotBuiltYet } from './not-built-yet';
import { Shell, type DemoControls } from './shell';

interface Props {
  config: StationConfig;
  portal: PortalClient;
  demo?: DemoControls | null;
  loginHint?: string;
  queryClient?: QueryClient;
}

export const newQueryClient = () =>
  new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } },
  });

export function App({ config, portal, demo = null, loginHint, queryClient }: Props) {
  const [client] = useState(() => queryClient ?? newQueryClient());
  // Made here, not in the screen, so the session's links survive moving to another screen and back.
  const [imagingStore] = useState(() => createImagingStore());
  return (
    <QueryClientProvider client={client}>
      <SessionGate config={config} portal={portal} loginHint={loginHint}>
        {(station, logOut) => (
          <Shell
            station={station}
            onLogOut={logOut}
            demo={demo}
            screens={{
              imaging: <LinkWhileImaging store={imagingStore} />,
              unprocessed: <NotBuiltYet title="Link unprocessed records" />,
              review: <NotBuiltYet title="Review" />,
            }}
          />
        )}
      </SessionGate>
    </QueryClientProvider>
  );
}
