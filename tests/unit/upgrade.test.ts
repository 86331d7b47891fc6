import { afterEach, expect, it } from 'vitest';
import { say } from '../../src/i18n/intl';
import { indexedDbJournal } from '../../src/journal/station-journal';
import { createOutbox } from '../../src/outbox/outbox';
import { indexedDbTaskStore } from '../../src/outbox/task-store';
import { taskRow } from '../../src/domain/task-rows';
import { startFakePortal } from '../support/fake-server';

/**
 * A station upgraded in the middle of a day: its outbox and journal were written by the version before
 * tasks (one write per outbox item, English sentences in both). Written here as that version wrote them.
 */
const NOW = Date.now();

/** An outbox item as version 1 stored it: a barcode waiting for the network. */
const waitingLink = {
  id: 'a1b2c3',
  user: 'tech',
  intent: { kind: 'barcode', collid: 1, occid: 1, barcode: 'DEMO0009001', status: null },
  state: 'waiting',
  waitingFor: 'network',
  attempts: 1,
  nextTryAt: NOW - 1_000,
  message: 'The portal could not be reached.',
  confirmedByReading: false,
  createdAt: NOW - 60_000,
  settledAt: null,
  resultOccid: null,
};

/** One the portal refused an hour ago. */
const refusedStatus = {
  ...waitingLink,
  id: 'd4e5f6',
  intent: { kind: 'status', collid: 1, occid: 2, status: 'reviewed' },
  state: 'refused',
  waitingFor: null,
  nextTryAt: null,
  message: 'The portal refused the change: you do not have editor rights on this collection.',
  settledAt: NOW - 3_600_000,
};

/** A journal entry as version 1 stored it, with its English message. */
const oldEntry = {
  at: new Date(NOW - 7_200_000).toISOString(),
  user: 'tech',
  collid: 1,
  action: 'link',
  occid: 5,
  barcode: 'DEMO0009005',
  before: { catalognumber: null },
  after: { catalognumber: 'DEMO0009005' },
  outcome: 'done',
  message: 'Barcode DEMO0009005 saved on record 5.',
};

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

/** Opens a database at version 1 with one store, puts the values, and closes it. */
async function writtenByVersion1(
  name: string,
  store: string,
  keyed: IDBObjectStoreParameters,
  values: object[],
) {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(store, keyed);
  const db = await request(open);
  const tx = db.transaction(store, 'readwrite');
  for (const v of values) tx.objectStore(store).add(v);
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}

let close: (() => void) | null = null;
afterEach(() => {
  close?.();
  close = null;
});

it('an outbox and a journal written by the version before tasks are read after the upgrade', async () => {
  await writtenByVersion1('specimen-linker-outbox', 'writes', { keyPath: 'id' }, [
    waitingLink,
    refusedStatus,
  ]);
  await writtenByVersion1('specimen-linker-journal', 'entries', { keyPath: 'id', autoIncrement: true }, [
    oldEntry,
  ]);

  // The journal: the old entry is there, its English kept as it was written.
  const journal = indexedDbJournal();
  const [kept] = await journal.list();
  expect(kept).toMatchObject({ action: 'link', occid: 5, outcome: 'done' });
  expect(say(kept!.said)).toBe('Barcode DEMO0009005 saved on record 5.');

  // The outbox: both writes are tasks now, where they stood.
  const store = indexedDbTaskStore();
  const tasks = await store.all();
  expect(tasks.map((t) => [t.id, t.steps[0]?.state])).toEqual(
    expect.arrayContaining([
      ['a1b2c3', 'waiting'],
      ['d4e5f6', 'refused'],
    ]),
  );
  const refused = taskRow(tasks.find((t) => t.id === 'd4e5f6')!);
  expect(refused).toMatchObject({ state: 'failed', retryable: true });
  expect(say(refused.problem!)).toContain('you do not have editor rights');

  // The waiting write goes out once when the upgraded station opens, and is journalled.
  const portal = startFakePortal({ loggedInAs: 'tech' });
  const { outbox } = createOutbox(portal.portal, { store, journal, user: () => 'tech' });
  close = () => {
    outbox.stop();
    portal.close();
  };
  await outbox.start('tech');
  await expect.poll(() => portal.fake.record(1)?.fields['catalogNumber']).toBe('DEMO0009001');
  expect(portal.fake.writesApplied).toBe(1);
  await expect
    .poll(async () => (await journal.list()).map((e) => [e.action, e.occid, e.outcome]))
    .toEqual([
      ['link', 1, 'done'],
      ['link', 5, 'done'],
    ]);
});

it('a stored task this version cannot read is left alone, not guessed at', async () => {
  const store = indexedDbTaskStore();
  await store.put({ version: 99, id: 'from-a-newer-station' } as never);
  expect(await store.all()).toEqual([]);
});
