import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import type { StationConfig } from '../domain/station';
import { createImagingStore } from '../features/link-while-imaging/imaging-store';
import { LinkWhileImaging } from '../features/link-while-imaging/link-while-imaging';
import { SessionGate } from '../features/session/session-gate';
import { openStationJournal, type StationJournal } from '../journal/station-journal';
import type { PortalClient } from '../portal/portal';
import { NotBuiltYet } from './not-built-yet';
import { Shell, type DemoControls } from './shell';

interface Props {
  config: StationConfig;
  portal: PortalClient;
  demo?: DemoControls | null;
  loginHint?: string;
  queryClient?: QueryClient;
  journal?: StationJournal;
}

export const newQueryClient = () =>
  new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } },
  });

export function App({ config, portal, demo = null, loginHint, queryClient, journal }: Props) {
  const [client] = useState(() => queryClient ?? newQueryClient());
  // Made here, not in the screen, so the session's links survive moving to another screen and back.
  const [imagingStore] = useState(() => createImagingStore());
  const [stationJournal] = useState(() => journal ?? openStationJournal());
  return (
    <QueryClientProvider client={client}>
      <SessionGate config={config} portal={portal} journal={stationJournal} loginHint={loginHint}>
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
