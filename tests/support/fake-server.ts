import { setupServer } from 'msw/node';
import { FakeSymbiota } from '../../src/portal/fake-symbiota/fake-portal';
import { fakeSymbiotaHandlers } from '../../src/portal/fake-symbiota/handlers';
import {
  PORTAL_PROFILES,
  withLegacyStamps,
  type PortalProfile,
} from '../../src/portal/fake-symbiota/profiles';
import { demoState, type FakeState } from '../../src/portal/fake-symbiota/state';
import type { RecordReaderOptions } from '../../src/portal/symbiota/record-reader';
import { createSymbiotaPortal } from '../../src/portal/symbiota/symbiota-portal';

export const TEST_ORIGIN = 'http://127.0.0.1:8080';

/** A fake portal served by MSW at `rootPath`, and an adapter pointed at it. Call `close()` after the test. */
export function startFakePortal(
  options: {
    state?: FakeState;
    rootPath?: string;
    loggedInAs?: string;
    profile?: PortalProfile;
    /** The adapter's timing, where a test must see what happens after a quiet spell. */
    adapter?: RecordReaderOptions;
  } = {},
) {
  const rootPath = options.rootPath ?? options.profile?.rootPath ?? '';
  let tick = Date.parse('2026-11-23T19:00:00Z');
  const fake = new FakeSymbiota({
    state: withLegacyStamps(options.state ?? demoState(), options.profile?.legacyStamps ?? 'identifiers'),
    clock: () => new Date((tick += 1000)),
    // The recorded portal, at the root it is served under (a portal under a path shares one PHP session).
    profile: options.profile ?? { ...PORTAL_PROFILES.recorded, rootPath },
  });
  if (options.loggedInAs) fake.login(options.loggedInAs, 'demo');
  const server = setupServer(...fakeSymbiotaHandlers(fake, rootPath));
  server.listen({ onUnhandledRequest: 'error' });
  const portal = createSymbiotaPortal({ portalUrl: `${TEST_ORIGIN}${rootPath}`, ...options.adapter });
  return { fake, portal, server, close: () => server.close() };
}
