import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { RawIntlProvider } from 'react-intl';
import type { MessageKey } from '../i18n/intl';
import { useStationIntl } from '../i18n/station-language';
import type { StationConfig } from '../domain/station';
import {
  createUnprocessedStore,
  type UnprocessedStore,
} from '../features/link-unprocessed/unprocessed-store';
import { createImagingStore } from '../features/link-while-imaging/imaging-store';
import { SessionGate } from '../features/session/session-gate';
import { currentSessionUser } from '../features/session/session-store';
import { createOutbox } from '../outbox/outbox';
import { openTaskStore, type TaskStore } from '../outbox/task-store';
import { lazySheetReader, type SheetReader } from '../readers/sheet-reader';
import { openStationJournal, type StationJournal } from '../journal/station-journal';
import type { PortalClient } from '../portal/portal';
import { Shell, type DemoControls } from './shell';
import {
  JournalScreen,
  LinkUnprocessed,
  LinkWhileImaging,
  PortalCheckScreen,
  ReadAheadFirstSheet,
  ReviewScreen,
  StampProfileScreen,
} from './screens';

interface Props {
  config: StationConfig;
  portal: PortalClient;
  demo?: DemoControls | null;
  /** A line under the login form (the demo's accounts). */
  loginHint?: MessageKey;
  queryClient?: QueryClient;
  journal?: StationJournal;
  /** Where the outbox keeps its tasks (IndexedDB unless a test hands in another). */
  outboxStore?: TaskStore;
  /** Reads the sheets (the browser's workers unless a test hands in another; null: reading off). */
  sheetReader?: SheetReader | null;
}

export const newQueryClient = () =>
  new QueryClient({
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } },
  });

export function App({
  config,
  portal,
  demo = null,
  loginHint,
  queryClient,
  journal,
  outboxStore,
  sheetReader,
}: Props) {
  const [client] = useState(() => queryClient ?? newQueryClient());
  // The station's language; the switcher changes it, and everything shown follows.
  const intl = useStationIntl();
  // Made here, not in the screen, so the session's links survive moving to another screen and back.
  const [imagingStore] = useState(() => createImagingStore());
  const [stationJournal] = useState(() => journal ?? openStationJournal());
  // Every decision is a task the outbox stores, runs and journals (docs/decisions/012).
  const [durable] = useState(() =>
    createOutbox(portal, {
      store: outboxStore ?? openTaskStore(),
      journal: stationJournal,
      user: currentSessionUser,
    }),
  );
  const [reader] = useState(() =>
    sheetReader !== undefined ? sheetReader : config.reading.enabled ? lazySheetReader(config.reading) : null,
  );
  // The OCR engine starts loading while the login screen is up (a technician types for seconds), so the
  // first sheet read after login does not wait for it (issue 16).
  // As soon as the screen is drawn and the page idle, not after a fixed wait: a login that comes at once
  // (a password manager) otherwise finds the engine not yet started.
  useEffect(() => {
    if (!reader) return;
    if (typeof requestIdleCallback === 'function') {
      const idle = requestIdleCallback(() => reader.warm(), { timeout: 300 });
      return () => cancelIdleCallback(idle);
    }
    const timer = setTimeout(() => reader.warm(), 0);
    return () => clearTimeout(timer);
  }, [reader]);
  const [unprocessedStores] = useState(() => new Map<number, UnprocessedStore>());
  const unprocessedStore = (collid: number) => {
    let store = unprocessedStores.get(collid);
    if (!store) unprocessedStores.set(collid, (store = createUnprocessedStore(collid)));
    return store;
  };
  return (
    <RawIntlProvider value={intl}>
      <QueryClientProvider client={client}>
        <SessionGate
          config={config}
          portal={durable.portal}
          journal={stationJournal}
          outbox={durable.outbox}
          sheetReader={reader}
          loginHint={loginHint}
        >
          {(station, logOut) => (
            <>
              <ReadAheadFirstSheet store={unprocessedStore(station.collid)} />
              <Shell
                station={station}
                onLogOut={logOut}
                demo={demo}
                screens={{
                  imaging: <LinkWhileImaging store={imagingStore} />,
                  unprocessed: <LinkUnprocessed store={unprocessedStore(station.collid)} />,
                  review: <ReviewScreen />,
                  journal: <JournalScreen />,
                  'portal-check': <PortalCheckScreen />,
                  'stamp-profile': <StampProfileScreen />,
                }}
              />
            </>
          )}
        </SessionGate>
      </QueryClientProvider>
    </RawIntlProvider>
  );
}
