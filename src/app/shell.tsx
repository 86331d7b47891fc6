import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { LoginAgainDialog } from '../features/session/login-again-dialog';
import { taskSettled } from '../domain/task';
import { useSay } from '../i18n/use-say';
import { useSayRich } from '../i18n/use-say-rich';
import { LanguageSwitcher } from '../ui/language-switcher';
import { OutboxBar, useOutboxView } from '../ui/outbox-status';
import { useUnsavedGuard } from '../ui/use-unsaved-guard';
import type { Station } from '../ui/station';
import { goTo, SCREENS, useScreen, type ScreenId } from './routes';
import { ScreenErrorBoundary } from './screen-error-boundary';
import { prefetchScreens } from './screens';

export interface DemoControls {
  reset: () => void;
  /** Which kind of portal the demo plays (see fake-symbiota/profiles.ts). */
  profileLabel: string;
}

/** One line for everyone when the station reads records another way than usual (recorded INDEX §14–15). */
function RecordSourceBanner({ station }: { station: Station }) {
  const intl = useIntl();
  const { portal } = station;
  const source = useSyncExternalStore(
    (onChange) => portal.onRecordSourceChange(onChange),
    () => portal.recordSource(),
  );
  if (source.via === 'api') return null;
  return (
    <p className="portal-banner" role="status">
      {intl.formatMessage(
        { id: 'shell.banner.editor-pages' },
        {
          reason: source.reason,
          a: (chunks: ReactNode[]) => <a href="#/portal-check">{chunks}</a>,
          kbd: (chunks: ReactNode[]) => <kbd>{chunks}</kbd>,
        },
      )}
    </p>
  );
}

interface Props {
  station: Station;
  onLogOut: () => void;
  demo: DemoControls | null;
  screens: Record<ScreenId, ReactNode>;
}

/** Header, navigation (Alt+1/2/3) and the current screen. */
export function Shell({ station, onLogOut, demo, screens }: Props) {
  const say = useSay();
  const sayRich = useSayRich();
  const screen = useScreen();
  const screenName = say(`shell.screen.${screen}`);
  const { outbox, username } = station;
  const [openedAt] = useState(() => Date.now());

  // Closing or reloading the page while a decision is still on its way to the portal asks first.
  const view = useOutboxView(outbox);
  useUnsavedGuard(view.tasks.some((t) => t.user === username && !taskSettled(t)));

  // Tasks an earlier page left in the outbox go out now; the outbox journals them as they settle.
  useEffect(() => {
    void outbox.start(username);
  }, [outbox, username]);

  useEffect(() => prefetchScreens(), []);

  useEffect(() => {
    document.title = say('shell.document-title', { screen: screenName });
  }, [say, screenName]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const target = SCREENS.find((s) => s.key === event.key);
      if (target) {
        event.preventDefault();
        goTo(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="shell">
      <header className="shell-header">
        <div className="shell-title">
          <strong>Specimen Linker</strong>
          <span className="collection">{station.collectionName}</span>
        </div>
        <nav aria-label={say('shell.screens')}>
          {SCREENS.map((s) => (
            <a
              key={s.id}
              href={`#/${s.id}`}
              aria-current={screen === s.id ? 'page' : undefined}
              aria-keyshortcuts={`Alt+${s.key}`}
            >
              {say(`shell.screen.${s.id}`)} <kbd>Alt+{s.key}</kbd>
            </a>
          ))}
        </nav>
        <div className="shell-user">
          {demo ? (
            <span className="demo-badge" role="note" title={say('shell.demo', { profile: demo.profileLabel })}>
              {say('shell.demo.badge')}{' '}
              <button type="button" onClick={demo.reset}>
                {say('shell.demo.reset')}
              </button>
            </span>
          ) : null}
          <LanguageSwitcher />
          <span>{sayRich('shell.logged-in-as', { user: station.username })}</span>
          <button type="button" onClick={onLogOut}>
            {say('session.log-out')}
          </button>
        </div>
      </header>
      <RecordSourceBanner station={station} />
      <OutboxBar outbox={outbox} user={username} since={openedAt} />
      <LoginAgainDialog />
      <main className="shell-main">
        <ScreenErrorBoundary key={screen} screen={screenName}>
          {screens[screen]}
        </ScreenErrorBoundary>
      </main>
    </div>
  );
}
