import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { StationConfig } from '../../domain/station';
import { explain } from '../../portal/errors';
import type { StationJournal } from '../../journal/station-journal';
import type { Outbox } from '../../outbox/durable-portal';
import type { PortalClient } from '../../portal/portal';
import type { SheetReader } from '../../readers/sheet-reader';
import { StationProvider, type Station } from '../../ui/station';
import { StatusLine } from '../../ui/status-line';
import { CollectionPicker } from './collection-picker';
import { LoginForm } from './login-form';
import { useChosenCollection, useSessionEvents, useSessionUser } from './session-store';

interface Props {
  config: StationConfig;
  portal: PortalClient;
  journal: StationJournal;
  outbox: Outbox;
  sheetReader: SheetReader | null;
  loginHint?: string | undefined;
  children: (station: Station, logOut: () => void) => ReactNode;
}

export const sessionQueryKey = (collid: number) => ['portal-session', collid] as const;

/** Shows the station screens only to a logged-in editor of the collection; says clearly what is missing otherwise. */
export function SessionGate({ config, portal, journal, outbox, sheetReader, loginHint, children }: Props) {
  const chosen = useChosenCollection();
  const username = useSessionUser();
  const events = useSessionEvents();
  const queryClient = useQueryClient();
  const collid = config.collectionId ?? chosen;

  const session = useQuery({
    queryKey: sessionQueryKey(collid ?? 0),
    queryFn: () => portal.session(collid ?? 0),
    enabled: collid !== null,
    staleTime: 60_000,
  });

  if (collid === null)
    return <CollectionPicker choices={config.collectionChoices} onChosen={events.collectionChosen} />;

  const recheck = () => queryClient.invalidateQueries({ queryKey: sessionQueryKey(collid) });
  const logOut = async () => {
    try {
      await portal.logout();
    } finally {
      events.loggedOut();
      await recheck();
    }
  };

  if (session.isPending) return <p className="panel">Checking your portal session…</p>;
  if (session.isError) {
    return (
      <div className="panel">
        <StatusLine tone="error">{explain(session.error)}</StatusLine>
        <button type="button" onClick={() => void session.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  const state = session.data;
  if (state.kind === 'logged-out') {
    return (
      <LoginForm
        portal={portal}
        collectionName={null}
        hint={loginHint}
        onLoggedIn={(name) => {
          events.loggedIn(name);
          void recheck();
        }}
      />
    );
  }
  if (state.kind === 'no-rights') {
    return (
      <div className="panel">
        <h2>No editor rights</h2>
        <StatusLine tone="error">
          {username ?? 'This account'} is logged in but may not edit{' '}
          {state.collectionName ?? `collection ${collid}`}. Ask a collection administrator to make you an
          editor of this collection, or log in with another account.
        </StatusLine>
        <button type="button" onClick={() => void logOut()}>
          Log out
        </button>
        {config.collectionId === null ? (
          <button type="button" onClick={() => events.collectionChosen(null)}>
            Choose another collection
          </button>
        ) : null}
      </div>
    );
  }
  const station: Station = {
    config,
    portal,
    collid,
    collectionName: state.collectionName ?? `Collection ${collid}`,
    username: username ?? 'you',
    statuses: state.statuses,
    journal,
    outbox,
    sheetReader,
  };
  return <StationProvider station={station}>{children(station, () => void logOut())}</StationProvider>;
}
