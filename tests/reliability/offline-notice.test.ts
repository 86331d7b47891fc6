import { afterEach, expect, it, vi } from 'vitest';
import { memoryJournal } from '../../src/journal/station-journal';
import { createOutbox } from '../../src/outbox/outbox';
import { memoryTaskStore } from '../../src/outbox/task-store';
import { startFakePortal } from '../support/fake-server';

/**
 * The offline notice follows the browser: the station goes offline at the imaging step while the
 * portal's answer to a read sent just before is still on its way. That answer must not hide the notice.
 */
let close = () => {};
afterEach(() => {
  close();
  vi.restoreAllMocks();
});

function station() {
  const portal = startFakePortal({ loggedInAs: 'tech' });
  const made = createOutbox(portal.portal, {
    store: memoryTaskStore(),
    journal: memoryJournal(),
    user: () => 'tech',
  });
  close = () => {
    made.outbox.stop();
    portal.close();
  };
  return made;
}

it('an answer that arrives after the network went does not say the portal is back', async () => {
  const { portal, outbox } = station();
  let online = true;
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
  const read = portal.session(1);
  online = false;
  window.dispatchEvent(new Event('offline'));
  expect(outbox.view().offline).toBe(true);

  await read;
  expect(outbox.view().offline).toBe(true);

  online = true;
  window.dispatchEvent(new Event('online'));
  expect(outbox.view().offline).toBe(false);
});

it('an answer while the browser is online clears a notice that a failed request raised', async () => {
  const { portal, outbox } = station();
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(true);
  window.dispatchEvent(new Event('offline'));
  expect(outbox.view().offline).toBe(true);

  await portal.session(1);
  expect(outbox.view().offline).toBe(false);
});
