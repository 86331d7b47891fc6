import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_ORIGIN } from '../support/fake-server';
import { UnprocessedStation } from './drivers/unprocessed-station';

let station: UnprocessedStation | null = null;
afterEach(() => {
  station?.close();
  station = null;
});

/** One case waiting: record 35 (DEMO0001236) set to Expert Required in the portal. */
async function reviewAs(login: string, before?: (s: UnprocessedStation) => void) {
  const s = (station = await UnprocessedStation.open({ as: login }));
  await s.sheet('DEMO0001231');
  s.fake.record(35)!.fields['processingStatus'] = 'expert required';
  before?.(s);
  await s.press('{Alt>}3{/Alt}');
  await screen.findByRole('heading', { name: '1 case waiting for a supervisor' });
  return s;
}

const caseList = () => screen.getByRole('listbox', { name: 'Cases' });

describe('Review: who may resolve cases', () => {
  it('a technician sees the waiting cases read-only, told why, and no key opens or resolves one', async () => {
    const s = await reviewAs('tech');
    expect(within(caseList()).getByRole('option')).toHaveTextContent('DEMO0001236');
    expect(
      screen.getByText(
        "Review is for the collection's administrators: you can see the cases waiting, not open or resolve them.",
      ),
    ).toBeVisible();
    expect(screen.queryByText(/opens a case/)).not.toBeVisible();
    caseList().focus();
    for (const key of ['{Enter}', 'r', 'm', 'u']) await s.press(key);
    expect(screen.queryByRole('heading', { name: 'Case DEMO0001236' })).toBeNull();
    expect(screen.queryByRole('button', { name: /reviewed/i })).toBeNull();
    expect(s.record(35)).toMatchObject({ status: 'expert required' });
  });

  it("the collection's administrator opens the case and resolves it", async () => {
    const s = await reviewAs('curator');
    expect(screen.queryByText(/Review is for the collection's administrators/)).toBeNull();
    await s.press('{Enter}');
    await screen.findByRole('heading', { name: 'Case DEMO0001236' });
    await s.press('r');
    expect(await screen.findByText(/DEMO0001236: Resolved: marked reviewed/)).toBeInTheDocument();
    expect(s.record(35)).toMatchObject({ status: 'reviewed' });
  });

  it('when the portal does not tell the role, the list is read-only and the line says why', async () => {
    const s = await reviewAs('curator', (st) =>
      // The role is read from the table view with a term no record holds (PROTOCOL §2.1): fail only that one.
      st.portal.server.use(
        http.get(`${TEST_ORIGIN}/portal/collections/editor/occurrencetabledisplay.php`, ({ request }) =>
          new URL(request.url).searchParams.get('q_catalognumber') === 'occid999999'
            ? HttpResponse.html('<html><body><p>Site under maintenance</p></body></html>')
            : undefined,
        ),
      ),
    );
    expect(
      screen.getByText(
        /Review shows the cases only: the station could not tell whether you administer this collection\. The portal returned a search page without a record count\./,
      ),
    ).toBeVisible();
    await s.press('{Enter}');
    expect(screen.queryByRole('heading', { name: 'Case DEMO0001236' })).toBeNull();
  });
});
