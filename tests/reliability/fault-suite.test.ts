import { writeFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { FAULT_KINDS, FakeSymbiota, type FaultKind } from '../../src/portal/fake-symbiota/fake-portal';
import { fakeSymbiotaHandlers } from '../../src/portal/fake-symbiota/handlers';
import { demoState } from '../../src/portal/fake-symbiota/state';
import { createSymbiotaPortal } from '../../src/portal/symbiota/symbiota-portal';
import type { PortalClient } from '../../src/portal/portal';
import { durablePortal, type Outbox } from '../../src/outbox/durable-portal';
import { memoryOutbox, type OutboxStore } from '../../src/outbox/outbox-store';
import { TEST_ORIGIN } from '../support/fake-server';

/**
 * Every write kind under every fault the fake portal can produce, through the real adapter and the outbox:
 * afterwards the portal holds each intended write exactly once, and the station says so. The slow answer is
 * scaled down (1.5 s against a 5 s timeout; the station's own timeout is 30 s against the 10 s).
 */
const SLOW_MS = 1_500;
const COLLID = 1;

interface WriteCase {
  kind: string;
  /** Anything the write needs in the portal first (made without faults). */
  prepare?: (portal: PortalClient) => Promise<void>;
  write: (portal: PortalClient) => Promise<unknown>;
  /** Whether the portal now holds what the write intended. */
  holds: (fake: FakeSymbiota) => boolean;
}

const comments = (fake: FakeSymbiota, occid: number, text: string) =>
  fake.state.comments.filter((c) => c.occid === occid && c.text === text).length;

const WRITES: WriteCase[] = [
  {
    kind: 'barcode link',
    write: (p) => p.setCatalogNumber(COLLID, 1, 'DEMO0009001'),
    holds: (f) => f.record(1)?.fields['catalogNumber'] === 'DEMO0009001',
  },
  {
    kind: 'accession number',
    write: (p) => p.addAccession(COLLID, 36, '5120'),
    holds: (f) => f.identifiersOf(36).some((i) => i.value === '5120'),
  },
  {
    kind: 'status change',
    write: (p) => p.setProcessingStatus(COLLID, 2, 'reviewed'),
    holds: (f) => f.record(2)?.fields['processingStatus'] === 'reviewed',
  },
  {
    kind: 'created record',
    write: (p) => p.createRecord(COLLID, 'DEMO0099001', 'expert required', 'tech'),
    holds: (f) => f.state.records.filter((r) => r.fields['catalogNumber'] === 'DEMO0099001').length === 1,
  },
  {
    kind: 'merge',
    write: (p) => p.mergeSkeletalIntoLegacy(COLLID, 36, 1),
    holds: (f) => f.record(36) === undefined && f.record(1)?.fields['catalogNumber'] === 'DEMO0001231',
  },
  {
    kind: 'comment',
    write: (p) => p.addComment(3, '[Specimen Linker] Resolved — marked reviewed — by tech'),
    holds: (f) => comments(f, 3, '[Specimen Linker] Resolved — marked reviewed — by tech') === 1,
  },
  {
    kind: 'undo',
    prepare: async (p) => {
      await p.setCatalogNumber(COLLID, 4, 'DEMO0009004');
    },
    write: (p) =>
      p.restoreValues(COLLID, 4, [{ field: 'catalognumber', wrote: 'DEMO0009004', previous: null }]),
    holds: (f) => (f.record(4)?.fields['catalogNumber'] ?? null) === null,
  },
];

const tally = { faultsInjected: 0, writesLost: 0, writesDoubled: 0, misreported: 0 };

function station(store: OutboxStore = memoryOutbox()) {
  const fake = new FakeSymbiota({ state: demoState() });
  fake.login('tech', 'demo');
  const server = setupServer(...fakeSymbiotaHandlers(fake, ''));
  server.listen({ onUnhandledRequest: 'error' });
  const open = (s: OutboxStore) =>
    durablePortal(createSymbiotaPortal({ portalUrl: TEST_ORIGIN, timeoutMs: 5_000 }), {
      store: s,
      user: () => 'tech',
      retryDelay: () => 50,
    });
  return { fake, server, store, ...open(store), reopen: () => open(store) };
}

let stations: { server: { close(): void }; outbox: Outbox }[] = [];
afterEach(() => {
  for (const s of stations) {
    s.outbox.stop();
    s.server.close();
  }
  stations = [];
});

afterAll(() => {
  if (process.env['RELIABILITY_OUT']) writeFileSync(process.env['RELIABILITY_OUT'], JSON.stringify(tally));
});

/** Counts what went wrong, then asserts that nothing did. */
function judge(c: WriteCase, fake: FakeSymbiota, appliedBefore: number, reported: 'done' | 'failed') {
  const holds = c.holds(fake);
  const applied = fake.writesApplied - appliedBefore;
  tally.faultsInjected++;
  if (!holds) tally.writesLost++;
  if (applied > 1) tally.writesDoubled++;
  if ((reported === 'done') !== holds) tally.misreported++;
  expect({ holds, applied, reported }).toEqual({ holds: true, applied: 1, reported: 'done' });
}

describe.each(WRITES)('a $kind', (c) => {
  it.each(FAULT_KINDS)(
    'under "%s" is applied exactly once and reported as done',
    async (fault: FaultKind) => {
      const s = station();
      stations.push(s);
      await c.prepare?.(s.portal);
      const before = s.fake.writesApplied;
      s.fake.injectFault(fault, { delayMs: SLOW_MS });
      const pending = c.write(s.portal).then(
        () => 'done' as const,
        () => 'failed' as const,
      );
      if (fault === 'end-session') {
        // The login dialog: the same technician logs in again, and the waiting write goes out.
        await expect.poll(() => s.outbox.view().sessionEnded).toBe(true);
        await s.portal.login('tech', 'demo');
        s.outbox.loggedIn('tech');
      }
      const answered = await pending;
      // A follow-up comment is answered at once with "it waits in the outbox"; the outbox finishes it.
      if (c.kind !== 'comment') expect(answered).toBe('done');
      await expect
        .poll(() => s.outbox.view().items.every((i) => i.state !== 'waiting' && i.state !== 'sending'))
        .toBe(true);
      const reported = s.outbox.view().items.every((i) => i.state === 'done') ? 'done' : 'failed';
      judge(c, s.fake, before, reported);
    },
  );
});

describe('a write whose page closed', () => {
  it('before it was sent goes out once when the station opens again', async () => {
    const s = station();
    stations.push(s);
    // The page stores the write and dies before sending (the request never leaves).
    s.fake.injectFault('drop-request', { on: 'everything', times: 100 });
    void s.portal.setCatalogNumber(COLLID, 1, 'DEMO0009001').catch(() => undefined);
    await expect.poll(() => s.outbox.view().items[0]?.state).toBe('waiting');
    s.outbox.stop();
    // Whatever the dead page had on the wire is lost with it.
    await new Promise((r) => setTimeout(r, 200));
    s.fake.clearFaults();
    const before = s.fake.writesApplied;
    const reopened = s.reopen();
    stations.push({ server: { close: () => undefined }, outbox: reopened.outbox });
    await reopened.outbox.start('tech');
    await expect.poll(() => reopened.outbox.view().items[0]?.state).toMatch(/done|refused|needs-decision/);
    expect(reopened.outbox.view().items[0]).toMatchObject({ state: 'done', message: null });
    judge(WRITES[0]!, s.fake, before, 'done');
  });

  it('while it was being sent is read back, found saved, and not sent twice', async () => {
    const s = station();
    stations.push(s);
    s.fake.injectFault('slow-answer', { delayMs: 300 });
    void s.portal.setCatalogNumber(COLLID, 1, 'DEMO0009001').catch(() => undefined);
    await expect.poll(() => s.outbox.view().items[0]?.state).toBe('sending');
    s.outbox.stop();
    // The portal finishes the save it received; the station that sent it is gone.
    await expect.poll(() => s.fake.record(1)?.fields['catalogNumber']).toBe('DEMO0009001');
    const recovered: string[] = [];
    const reopened = s.reopen();
    stations.push({ server: { close: () => undefined }, outbox: reopened.outbox });
    reopened.outbox.onRecovered((i) => recovered.push(i.state));
    await reopened.outbox.start('tech');
    await expect.poll(() => recovered).toEqual(['done']);
    expect(reopened.outbox.view().items[0]).toMatchObject({ state: 'done', confirmedByReading: true });
    judge(WRITES[0]!, s.fake, 0, 'done');
  });
});

describe('a write that finds the portal changed meanwhile', () => {
  it('needs a decision and overwrites nothing', async () => {
    const s = station();
    stations.push(s);
    s.fake.injectFault('drop-request');
    const pending = s.portal.setCatalogNumber(COLLID, 1, 'DEMO0009001');
    await expect.poll(() => s.outbox.view().items[0]?.attempts).toBe(1);
    // Another station links the record before the retry.
    s.fake.save({ occid: 1, editedFields: ['catalognumber'], posted: [['catalognumber', 'DEMO0009555']] });
    await expect(pending).rejects.toThrow(/now has barcode DEMO0009555/);
    expect(s.fake.record(1)?.fields['catalogNumber']).toBe('DEMO0009555');
    expect(s.outbox.view().items[0]?.state).toBe('needs-decision');
  });
});

describe('writes decided by one technician', () => {
  it('are not sent when another user logs in on the station', async () => {
    let user = 'tech';
    const fake = new FakeSymbiota({ state: demoState() });
    fake.login('tech', 'demo');
    const server = setupServer(...fakeSymbiotaHandlers(fake, ''));
    server.listen({ onUnhandledRequest: 'error' });
    const { portal, outbox } = durablePortal(createSymbiotaPortal({ portalUrl: TEST_ORIGIN }), {
      store: memoryOutbox(),
      user: () => user,
      retryDelay: () => 50,
    });
    stations.push({ server, outbox });
    fake.injectFault('end-session');
    void portal.setCatalogNumber(COLLID, 1, 'DEMO0009001').catch(() => undefined);
    await expect.poll(() => outbox.view().sessionEnded).toBe(true);
    user = 'curator';
    await portal.login('curator', 'demo');
    outbox.loggedIn('curator');
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.record(1)?.fields['catalogNumber']).toBeNull();
    expect(outbox.view().items[0]).toMatchObject({ user: 'tech', state: 'waiting', waitingFor: 'login' });
    user = 'tech';
    await portal.login('tech', 'demo');
    outbox.loggedIn('tech');
    await expect.poll(() => fake.record(1)?.fields['catalogNumber']).toBe('DEMO0009001');
  });
});

describe('two tabs of one station', () => {
  it('never both send the same write: one sends it, the other finds it done', async () => {
    // The Web Locks API as browsers give it (jsdom has none): a lock asked for "if available" is refused
    // while another holder has it.
    const held = new Set<string>();
    const locks = {
      async request(name: string, _options: object, run: (lock: object | null) => Promise<unknown>) {
        if (held.has(name)) return run(null);
        held.add(name);
        try {
          return await run({ name });
        } finally {
          held.delete(name);
        }
      },
    };
    Object.defineProperty(navigator, 'locks', { value: locks, configurable: true });
    try {
      const first = station();
      stations.push(first);
      first.fake.injectFault('drop-request', { on: 'everything', times: 3 });
      const answered = first.portal.setCatalogNumber(COLLID, 1, 'DEMO0009001');
      await expect.poll(() => first.outbox.view().items[0]?.state).toBe('waiting');
      const second = first.reopen();
      stations.push({ server: { close: () => undefined }, outbox: second.outbox });
      await second.outbox.start('tech');
      await expect(answered).resolves.toMatchObject({ catalogNumber: 'DEMO0009001' });
      await expect.poll(() => second.outbox.view().items[0]?.state).toBe('done');
      expect(first.fake.writesApplied).toBe(1);
      expect(first.fake.editsOf(1)).toHaveLength(1);
    } finally {
      Reflect.deleteProperty(navigator, 'locks');
    }
  });
});

describe('an answer the station cannot read', () => {
  it('is read back and tried again, not reported as refused', async () => {
    const s = station();
    stations.push(s);
    const { http, HttpResponse } = await import('msw');
    // A proxy's page instead of the portal's, once.
    s.server.use(
      http.post(
        '*/collections/editor/occurrenceeditor.php',
        () => HttpResponse.html('<html><body>Bad gateway page</body></html>', { status: 404 }),
        { once: true },
      ),
    );
    await expect(s.portal.setCatalogNumber(COLLID, 1, 'DEMO0009001')).resolves.toMatchObject({
      catalogNumber: 'DEMO0009001',
    });
    expect(s.fake.writesApplied).toBe(1);
    expect(s.outbox.view().items[0]).toMatchObject({ state: 'done', attempts: 2 });
  });
});
