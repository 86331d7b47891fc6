import type { ReactNode } from 'react';
import type { StationConfig } from '../../domain/station';
import type { MessageKey } from '../../i18n/intl';
import { useSay } from '../../i18n/use-say';
import { explain } from '../../portal/errors';
import type { StationJournal } from '../../journal/station-journal';
import type { Outbox } from '../../outbox/outbox';
import type { PortalReads } from '../../portal/portal';
import type { SheetReader } from '../../readers/sheet-reader';
import { StationProvider, type Station } from '../../ui/station';
import { StatusLine } from '../../ui/status-line';
import { CollectionPicker } from './collection-picker';
import { LoginForm } from './login-form';
import { usePortalSession } from './use-portal-session';
import { SomeoneElseLoggedIn } from './someone-else-logged-in';
import {
  useChosenCollection,
  useLoggedOutHere,
  useSessionEvents,
  useSessionSince,
  useSessionUser,
} from './session-store';

interface Props {
  config: StationConfig;
  portal: PortalReads;
  journal: StationJournal;
  outbox: Outbox;
  sheetReader: SheetReader | null;
  loginHint?: MessageKey | undefined;
  children: (station: Station, logOut: () => void) => ReactNode;
}

/** Shows the station screens only to a logged-in editor of the collection; says clearly what is missing otherwise. */
export function SessionGate({ config, portal, journal, outbox, sheetReader, loginHint, children }: Props) {
  const say = useSay();
  const chosen = useChosenCollection();
  const username = useSessionUser();
  const since = useSessionSince();
  const loggedOutHere = useLoggedOutHere();
  const events = useSessionEvents();
  const collid = config.collectionId ?? chosen;
  const { session, recheck, logOut } = usePortalSession(portal, collid, events.loggedOut);

  if (collid === null)
    return <CollectionPicker choices={config.collectionChoices} onChosen={events.collectionChosen} />;

  if (session.isPending) return <p className="panel">{say('session.checking')}</p>;
  if (session.isError) {
    return (
      <div className="panel">
        <StatusLine tone="error">{explain(session.error)}</StatusLine>
        <button type="button" onClick={() => void session.refetch()}>
          {say('session.try-again')}
        </button>
      </div>
    );
  }
  const state = session.data;
  // Who the editor pages answer as, when they say (a portal at the web root may keep an earlier user).
  const editorUser = state.kind === 'editor' ? state.user : null;
  if (state.kind === 'logged-out' || loggedOutHere || (username === null && editorUser === null)) {
    return (
      <LoginForm
        portal={portal}
        collectionName={null}
        hint={loginHint}
        notice={loggedOutHere && editorUser !== null ? editorUser : null}
        onLoggedIn={(name) => {
          events.loggedIn(name);
          void recheck();
        }}
      />
    );
  }
  const who = username ?? editorUser;
  if (editorUser !== null && who !== null && editorUser.toLowerCase() !== who.toLowerCase()) {
    return (
      <SomeoneElseLoggedIn loggedIn={who} editorUser={editorUser} onLogOut={logOut} onRecheck={recheck} />
    );
  }
  if (state.kind === 'no-rights') {
    return (
      <div className="panel">
        <h2>{say('session.no-rights.heading')}</h2>
        <StatusLine tone="error">
          {say('session.no-rights.text', {
            user: username,
            collection: state.collectionName ?? null,
            collid,
          })}
        </StatusLine>
        <button type="button" onClick={() => void logOut()}>
          {say('session.log-out')}
        </button>
        {config.collectionId === null ? (
          <button type="button" onClick={() => events.collectionChosen(null)}>
            {say('session.no-rights.other-collection')}
          </button>
        ) : null}
      </div>
    );
  }
  const station: Station = {
    config,
    portal,
    collid,
    collectionName: state.collectionName ?? say('session.collection.fallback-name', { collid }),
    username: who ?? 'you',
    statuses: state.statuses,
    journal,
    outbox,
    sessionSince: since ?? 0,
    sheetReader,
  };
  return <StationProvider station={station}>{children(station, () => void logOut())}</StationProvider>;
}
