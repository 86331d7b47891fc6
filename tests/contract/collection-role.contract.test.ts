import { afterEach, describe, expect, it } from 'vitest';
import { PORTAL_PROFILES } from '../../src/portal/fake-symbiota/profiles';
import type { CollectionRole } from '../../src/portal/portal';
import { createSymbiotaPortal } from '../../src/portal/symbiota/symbiota-portal';
import { startFakePortal } from '../support/fake-server';
import {
  exchange,
  RECORDED_PORTAL,
  replay,
  type Exchange,
  type RecordedVersion,
  rejection,
} from './recordings';

/**
 * Who may resolve Review's cases is read from the table view (rec. 24a–24g, INDEX §24): its batch update form
 * is printed for SuperAdmin and CollAdmin only, in every language and every 3.x.
 */
const RECORDED: [RecordedVersion, string, CollectionRole][] = [
  ['3.4', '24a-role-table-admin', 'administrator'],
  ['3.4', '24b-role-table-tech', 'editor'],
  ['3.4', '24c-role-table-colladmin', 'administrator'],
  ['3.4', '24d-es-role-table-tech', 'editor'],
  ['3.4', '24e-es-role-table-admin', 'administrator'],
  ['3.4', '24f-fr-role-table-admin', 'administrator'],
  ['3.4', '24g-fr-role-table-tech', 'editor'],
  ['3.1', '24a-role-table-admin', 'administrator'],
  ['3.1', '24b-role-table-tech', 'editor'],
  ['3.1', '24c-role-table-colladmin', 'administrator'],
  ['3.1', '24d-es-role-table-tech', 'editor'],
  ['3.1', '24e-es-role-table-admin', 'administrator'],
  ['3.1', '24f-fr-role-table-admin', 'administrator'],
  ['3.1', '24g-fr-role-table-tech', 'editor'],
  ['3.0', '24a-role-table-admin', 'administrator'],
  ['3.0', '24b-role-table-tech', 'editor'],
  ['3.0', '24c-role-table-colladmin', 'administrator'],
];

const portalFor = (...script: Exchange[]) => {
  const r = replay(...script);
  return { portal: createSymbiotaPortal({ portalUrl: RECORDED_PORTAL, fetch: r.fetch }), replay: r };
};

/** The role request answered with another page: what the portal sends in a case not recorded as such. */
const answeredWith = (name: string, body: (recorded: string) => string = (b) => b): Exchange => {
  const role = exchange('24b-role-table-tech');
  const other = exchange(name);
  return {
    ...role,
    name: `role request answered with ${name}`,
    response: { ...other.response, body: body(other.response.body) },
  };
};

describe('the collection role, from the recorded portals', () => {
  it.each(RECORDED)('%s %s: %s', async (version, name, role) => {
    const { portal, replay: r } = portalFor(exchange(name, version));
    expect(await portal.collectionRole(1)).toBe(role);
    r.assertAllUsed();
  });

  it('a table view without the count or the table is not read as a role', async () => {
    const { portal } = portalFor(answeredWith('02a-probe-editor-tech'));
    expect((await rejection(portal.collectionRole(1))).kind).toBe('unexpected-response');
  });

  it('a refusal says the user has no editor rights; a login page says the session ended', async () => {
    const refused = portalFor(answeredWith('02f-probe-editor-viewer-not-authorized'));
    expect((await rejection(refused.portal.collectionRole(1))).kind).toBe('not-authorized');
    const anonymous = portalFor(answeredWith('02b-probe-editor-anonymous'));
    expect((await rejection(anonymous.portal.collectionRole(1))).kind).toBe('not-logged-in');
  });

  it('a General Observations collection, whose table view offers every editor the batch update, does not tell', async () => {
    // Its path links to the personal management page instead of the collection's (occurrencetabledisplay.php, 3.0–3.4).
    const genObs = answeredWith('24b-role-table-tech', (body) =>
      body.replace(
        "<div class='navpath'>",
        `<div class='navpath'><a href="../../profile/viewprofile.php?tabindex=1">Personal Management</a> &gt;&gt;`,
      ),
    );
    const error = await rejection(portalFor(genObs).portal.collectionRole(1));
    expect(error.said.code).toBe('portal.error.role-general-observations');
  });
});

describe('the fake portal shows the role as the recorded ones do', () => {
  let close = () => undefined as void;
  afterEach(() => close());

  it.each(Object.keys(PORTAL_PROFILES) as (keyof typeof PORTAL_PROFILES)[])(
    '%s: the curator administers the collection, tech edits it',
    async (name) => {
      for (const [login, role] of [
        ['curator', 'administrator'],
        ['tech', 'editor'],
      ] as const) {
        const started = startFakePortal({ profile: PORTAL_PROFILES[name], loggedInAs: login });
        close = started.close;
        expect(await started.portal.collectionRole(1), login).toBe(role);
        started.close();
      }
    },
  );
});
