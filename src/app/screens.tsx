import { useEffect, useState, type ComponentType } from 'react';
import type { UnprocessedStore } from '../features/link-unprocessed/unprocessed-store';
import { catalogReady } from '../i18n/intl';
import { useSay } from '../i18n/use-say';

/**
 * The work screens are loaded when first needed (and fetched in the background once someone has logged
 * in), so the JavaScript before the login screen stays small: the viewer (OpenSeadragon) comes with
 * Option 2 and Review, not with the login (issue 11; checked by scripts/check-production-build.mjs).
 *
 * Not React.lazy: a lazy screen suspends on its first render even when its code is already here, and React
 * then holds the screen back for its Suspense throttle (300 ms), which a technician pressing Alt+2 feels.
 * A screen whose code has arrived renders at once; one that has not says so until it has.
 */
function loadedWhenNeeded<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    // The screen's words come with it: the part of the catalog after the login screen's (src/i18n/areas.ts).
    (loading ??= Promise.all([load(), catalogReady()]).then(
      ([component]) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        loading = null; // the next attempt loads it again
        throw error;
      },
    ));

  function Screen(props: P) {
    const say = useSay();
    const [, arrived] = useState(0);
    const [problem, setProblem] = useState<string | null>(null);
    useEffect(() => {
      if (loaded === null)
        preload().then(
          () => arrived((n) => n + 1),
          (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
        );
    }, []);
    const Loaded = loaded;
    if (Loaded === null && problem !== null)
      return (
        <p className="panel" role="alert">
          {say('shell.load-failed', { problem })}
        </p>
      );
    if (Loaded === null)
      return (
        <p className="panel" role="status">
          {say('shell.loading')}
        </p>
      );
    return <Loaded {...props} />;
  }
  return Object.assign(Screen, { preload });
}

export const LinkWhileImaging = loadedWhenNeeded(() =>
  import('../features/link-while-imaging/link-while-imaging').then((m) => m.LinkWhileImaging),
);
export const LinkUnprocessed = loadedWhenNeeded(() =>
  import('../features/link-unprocessed/link-unprocessed').then((m) => m.LinkUnprocessed),
);
export const ReviewScreen = loadedWhenNeeded(() =>
  import('../features/review/review-screen').then((m) => m.ReviewScreen),
);
export const JournalScreen = loadedWhenNeeded(() =>
  import('../features/journal/journal-screen').then((m) => m.JournalScreen),
);
export const PortalCheckScreen = loadedWhenNeeded(() =>
  import('../features/portal-check/portal-check-screen').then((m) => m.PortalCheckScreen),
);

export const StampProfileScreen = loadedWhenNeeded(() =>
  import('../features/stamp-profile/stamp-profile-screen').then((m) => m.StampProfileScreen),
);

/**
 * The first sheet of Option 2's queue, read right after login (issue 16), in a chunk of its own: the reader's
 * hooks are not part of the JavaScript before the login screen. Shows nothing; if its code cannot be
 * fetched, Option 2 reads the sheet when it opens, as without it.
 */
export function ReadAheadFirstSheet(props: { store: UnprocessedStore }) {
  const [Loaded, setLoaded] = useState<ComponentType<{ store: UnprocessedStore }> | null>(null);
  useEffect(() => {
    let live = true;
    import('../features/link-unprocessed/read-ahead').then(
      (m) => live && setLoaded(() => m.ReadAheadFirstSheet),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return Loaded ? <Loaded {...props} /> : null;
}

/** After the login: every screen is fetched while the technician starts, so switching never waits. */
export function prefetchScreens() {
  for (const screen of [
    LinkWhileImaging,
    LinkUnprocessed,
    ReviewScreen,
    JournalScreen,
    PortalCheckScreen,
    StampProfileScreen,
  ])
    void screen.preload().catch(() => undefined);
}
