import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { PORTAL_PROFILES } from '../../src/portal/fake-symbiota/profiles';
import { openStation } from './drivers/open-station';

/** The row of the check for one portal path, as the deploying person reads it. */
const row = (name: RegExp) =>
  within(screen.getByRole('table', { name: 'What the station uses on this portal' })).getByRole('row', {
    name,
  });

describe('Check this portal: what works, what the station does instead, what an admin could change', () => {
  let close = () => undefined as void;
  afterEach(() => {
    close();
    window.location.hash = '';
  });

  it('on a fresh install (key empty) it names the cookie problem and the fix, and writes nothing', async () => {
    const { portal } = await openStation('#/portal-check', 'Check this portal', {
      profile: PORTAL_PROFILES['fresh-install'],
    });
    close = portal.close;
    const edits = portal.fake.state.edits.length;
    await screen.findByRole('table', { name: 'What the station uses on this portal' });
    expect(row(/Login and editor rights/)).toHaveTextContent('Works');
    expect(row(/Searches/)).toHaveTextContent('10 unprocessed records without an accession number');
    expect(row(/through API v2 \(without cookies\)/)).toHaveTextContent('Works');
    expect(row(/with the login cookie/)).toHaveTextContent('HTTP 500');
    expect(row(/with the login cookie/)).toHaveTextContent('$SECURITY_KEY');
    expect(row(/legacy stamps/)).toHaveTextContent('only in the old Other Catalog Numbers column');
    expect(row(/legacy stamps/)).toHaveTextContent(
      'API v2 hides the old column and lists the identifiers table',
    );
    expect(row(/editor pages/)).toHaveTextContent('Not tried');
    expect(row(/Duplicate checks/)).toHaveTextContent('Works');
    expect(row(/Sheet images/)).toHaveTextContent('An image loads');
    expect(row(/Symbiota version/)).toHaveTextContent('Symbiota 3.4.14');
    expect(screen.getByText(/The station works on this portal, in 2 places another way/)).toBeInTheDocument();
    expect(portal.fake.state.edits.length).toBe(edits);
    // No record was opened in the editor: that would take an edit lock.
    expect(portal.fake.state.editLocks ?? []).toEqual([]);
  });

  it('without API v2 it reads through the editor pages, says so in a banner, and says what to enable', async () => {
    const { portal } = await openStation('#/portal-check', 'Check this portal', {
      profile: PORTAL_PROFILES['no-api'],
    });
    close = portal.close;
    await screen.findByRole('table', { name: 'What the station uses on this portal' });
    expect(row(/through API v2/)).toHaveTextContent('not routed on this portal');
    expect(row(/through API v2/)).toHaveTextContent('rewrite rules');
    expect(row(/through the editor pages/)).toHaveTextContent('Works');
    expect(row(/Symbiota version/)).toHaveTextContent('does not say');
    expect(await screen.findByText(/records are read from the portal's editor pages/)).toBeInTheDocument();
  });

  it('for a user without rights it says the station cannot work and who can fix it', async () => {
    const { portal } = await openStation('#/imaging', 'Link while imaging', {});
    close = portal.close;
    portal.fake.state.users.find((u) => u.login === 'tech')!.collEditor = [];
    window.location.hash = '#/portal-check';
    await screen.findByRole('table', { name: 'What the station uses on this portal' });
    expect(row(/Login and editor rights/)).toHaveTextContent('no editor rights');
    expect(row(/Login and editor rights/)).toHaveTextContent('CollEditor');
    expect(screen.getByRole('alert')).toHaveTextContent('The station cannot work on this portal');
  });

  it('on a Symbiota 3.1 it reads API v2 in its older shape and tells the version, with no advice to give', async () => {
    const { portal } = await openStation('#/portal-check', 'Check this portal', {
      profile: PORTAL_PROFILES['version-3.1'],
    });
    close = portal.close;
    await screen.findByRole('table', { name: 'What the station uses on this portal' });
    expect(row(/through API v2 \(without cookies\)/)).toHaveTextContent('Works');
    expect(row(/through API v2 \(without cookies\)/)).not.toHaveTextContent('rewrite rules');
    expect(row(/Symbiota version/)).toHaveTextContent('Symbiota 3.1.8');
    expect(row(/Symbiota version/)).toHaveTextContent('3.0.35 to 3.4.14');
    expect(row(/language/)).toHaveTextContent('English (en)');
    // What this API itself answered (rec. 3.1 07a, 25c): the old column shown, no identifier rows.
    expect(row(/legacy stamps/)).toHaveTextContent(
      'API v2 shows the old column and does not list the identifiers table',
    );
    expect(row(/legacy stamps/)).not.toHaveTextContent('hides');
    expect(row(/legacy stamps/)).toHaveTextContent('identifier rows from its row');
  });

  it('on a portal in French without API v2 it names the language and lets go of the edit locks its reads take', async () => {
    // This supervisor chose English on the station; the portal answers in its own language.
    localStorage.setItem('specimen-linker.language', 'en');
    const { portal } = await openStation('#/portal-check', 'Check this portal', {
      profile: PORTAL_PROFILES.french,
    });
    close = portal.close;
    await screen.findByRole('table', { name: 'What the station uses on this portal' });
    expect(row(/language/)).toHaveTextContent('French (fr)');
    expect(row(/through the editor pages/)).toHaveTextContent('Works');
    expect(row(/through the editor pages/)).toHaveTextContent('lets go of that lock');
    // Every record the check opened in the editor was let go of again (the lock moved to no record).
    await waitFor(() => expect((portal.fake.state.editLocks ?? []).filter((l) => l.occid > 0)).toEqual([]));
  });

  it('on a portal in Portuguese it says searches read each record, as its tables name no column', async () => {
    // This supervisor chose English on the station; the portal answers in its own language.
    localStorage.setItem('specimen-linker.language', 'en');
    const { portal } = await openStation('#/portal-check', 'Check this portal', {
      profile: PORTAL_PROFILES.portuguese,
    });
    close = portal.close;
    await screen.findByRole('table', { name: 'What the station uses on this portal' });
    expect(row(/language/)).toHaveTextContent('Portuguese (pt)');
    expect(row(/language/)).toHaveTextContent('one by one');
    expect(row(/Searches/)).toHaveTextContent('Works');
  });

  it('on a portal in French, a station nobody chose a language on speaks French', async () => {
    const { portal } = await openStation('#/portal-check', 'Vérifier ce portail', {
      profile: PORTAL_PROFILES.french,
    });
    close = portal.close;
    expect(await screen.findByRole('navigation', { name: 'Écrans' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('fr');
  });
});
