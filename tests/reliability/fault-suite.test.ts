import { writeFileSync } from 'node:fs';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { escalationComment } from '../../src/domain/escalation';
import { EXPERT_REQUIRED } from '../../src/domain/processing-status';
import { taskOutcome, taskSettled, type Task, type TaskDraft } from '../../src/domain/task';
import { taskRow } from '../../src/domain/task-rows';
import {
  escalationTask as imagingEscalation,
  linkTask,
} from '../../src/features/link-while-imaging/link-actions';
import {
  accessionTask,
  escalationTask as unprocessedEscalation,
  mergeTask,
} from '../../src/features/link-unprocessed/unprocessed-actions';
import { resolutionTask, type Resolution } from '../../src/features/review/resolutions';
import { memoryJournal, type StationJournal } from '../../src/journal/station-journal';
import { undoTask } from '../../src/journal/undo';
import { say } from '../../src/i18n/intl';
import { createOutbox, type Outbox } from '../../src/outbox/outbox';
import { memoryTaskStore, type TaskStore } from '../../src/outbox/task-store';
import { FAULT_KINDS, FakeSymbiota, type FaultKind } from '../../src/portal/fake-symbiota/fake-portal';
import { fakeSymbiotaHandlers } from '../../src/portal/fake-symbiota/handlers';
import { demoState } from '../../src/portal/fake-symbiota/state';
import type { PortalClient } from '../../src/portal/portal';
import { createSymbiotaPortal } from '../../src/portal/symbiota/symbiota-portal';
import { TEST_ORIGIN } from '../support/fake-server';

/**
 * Whole tasks, as the screens decide them, through the real adapter and the outbox, with each fault the
 * fake portal can produce put at each of the task's writes: afterwards the portal holds every write of the
 * task exactly once, the task says what the portal holds, and the journal has every write that reached the
 * portal. The slow answer is scaled down (300 ms against a 2 s timeout).
 */
const SLOW_MS = 300;
const COLLID = 1;
const USER = 'tech';

interface Station {
  fake: FakeSymbiota;
  /** The adapter itself: what a screen reads before it decides, and the login dialog. */
  adapter: PortalClient;
  outbox: Outbox;
  journal: StationJournal;
  store: TaskStore;
  close(): void;
  /** The station opened again on the same outbox and journal (a reload), the old page gone. */
  reopen(): Station;
}

function station(user: () => string | null = () => USER): Station {
  const fake = new FakeSymbiota({ state: demoState() });
  fake.login(USER, 'demo');
  const server = setupServer(...fakeSymbiotaHandlers(fake, ''));
  server.listen({ onUnhandledRequest: 'error' });
  const open = (store: TaskStore, journal: StationJournal, closeServer: boolean): Station => {
    const adapter = createSymbiotaPortal({ portalUrl: TEST_ORIGIN, timeoutMs: 2_000 });
    const { outbox } = createOutbox(adapter, { store, journal, user, retryDelay: () => 50 });
    const s: Station = {
      fake,
      adapter,
      outbox,
      journal,
      store,
      close: () => {
        outbox.stop();
        if (closeServer) server.close();
      },
      reopen: () => {
        const again = open(store, journal, false);
        opened.push(again);
        return again;
      },
    };
    return s;
  };
  const s = open(memoryTaskStore(), memoryJournal(), true);
  opened.push(s);
  return s;
}

let opened: Station[] = [];
afterEach(() => {
  for (const s of opened.reverse()) s.close();
  opened = [];
});

/** One decision of a screen, made from the records as the screen read them, and how each write shows. */
interface TaskCase {
  name: string;
  /** The records as a supervisor left them before the case (made without faults). */
  prepare?: (s: Station) => Promise<void>;
  decide: (s: Station) => Promise<TaskDraft>;
  /** Per write of the task, in order: how many times the portal holds it (1 = done once). */
  holds: ((fake: FakeSymbiota) => number)[];
}

const commentsOn = (fake: FakeSymbiota, occid: number, text: string) =>
  fake.state.comments.filter((c) => c.occid === occid && c.text === text).length;
const isStatus = (fake: FakeSymbiota, occid: number, status: string | null) =>
  (fake.record(occid)?.fields['processingStatus'] || null) === status ? 1 : 0;
const record = async (s: Station, occid: number) => {
  const r = await s.adapter.readRecord(occid);
  if (!r) throw new Error(`record ${occid} is not in the demo portal`);
  return r;
};
const candidate = async (s: Station, occid: number) => ({
  record: await record(s, occid),
  imagesKnown: true,
  otherCatalogNumbers: null,
  comparison: null,
});
const asCase = (fake: FakeSymbiota, occid: number) => {
  fake.record(occid)!.fields['processingStatus'] = EXPERT_REQUIRED;
  return Promise.resolve();
};

const ESCALATION = { reason: 'no-record' as const, note: 'label faded', candidates: [] };
const IMAGING_COMMENT = escalationComment({ ...ESCALATION, note: 'stamp 9999; label faded' });
const UNPROCESSED_ESCALATION = {
  reason: 'duplicate-has-image' as const,
  note: 'stamp 2310',
  candidates: [{ occid: 3, accession: '2310', catalogNumber: null }],
};
const resolvedComment = (what: string) => `[Specimen Linker] Resolved — ${what} — by ${USER}`;
const merged34Into1 = (f: FakeSymbiota) =>
  f.record(34) === undefined && f.record(1)?.fields['catalogNumber'] === 'DEMO0001234' ? 1 : 0;
const createdFor = (fake: FakeSymbiota, barcode: string) =>
  fake.state.records.filter((r) => r.fields['catalogNumber'] === barcode);

function review(
  name: string,
  occid: number,
  resolution: (s: Station) => Promise<Resolution>,
  holds: TaskCase['holds'],
): TaskCase {
  return {
    name: `Review: ${name}`,
    prepare: (s) => asCase(s.fake, occid),
    decide: async (s) => resolutionTask(COLLID, await record(s, occid), await resolution(s), USER, true),
    holds,
  };
}

const TASKS: TaskCase[] = [
  {
    name: 'Option 1: a barcode linked',
    decide: async (s) => linkTask(COLLID, await candidate(s, 1), null, 'DEMO0009001', null),
    holds: [(f) => (f.record(1)?.fields['catalogNumber'] === 'DEMO0009001' ? 1 : 0)],
  },
  {
    name: 'Option 1: no record, escalated (record created, then the comment)',
    decide: () =>
      Promise.resolve(
        imagingEscalation(
          COLLID,
          USER,
          { barcode: 'DEMO0099001', escalation: ESCALATION, context: 'stamp 9999' },
          true,
          '9999',
        ),
      ),
    holds: [
      (f) =>
        createdFor(f, 'DEMO0099001').filter((r) => r.fields['processingStatus'] === EXPERT_REQUIRED).length,
      (f) => createdFor(f, 'DEMO0099001').reduce((n, r) => n + commentsOn(f, r.occid, IMAGING_COMMENT), 0),
    ],
  },
  {
    name: 'Option 2: the stamped number entered',
    decide: async (s) => accessionTask(COLLID, await record(s, 36), '5120', null),
    holds: [(f) => f.identifiersOf(36).filter((i) => i.value === '5120').length],
  },
  {
    name: 'Option 2: Expert Required (number and status, then the comment)',
    decide: async (s) =>
      unprocessedEscalation(COLLID, await record(s, 38), '2310', UNPROCESSED_ESCALATION, true),
    holds: [
      (f) => f.identifiersOf(38).filter((i) => i.value === '2310').length * isStatus(f, 38, EXPERT_REQUIRED),
      (f) => commentsOn(f, 38, escalationComment(UNPROCESSED_ESCALATION)),
    ],
  },
  {
    name: 'Option 2: merged (merge, then the status put back)',
    decide: async (s) => mergeTask(COLLID, await record(s, 34), await record(s, 1), '1499', null),
    holds: [
      (f) => (f.record(34) === undefined && f.record(1)?.fields['catalogNumber'] === 'DEMO0001234' ? 1 : 0),
      // The status put back: only a write once the merge happened.
      (f) => merged34Into1(f) * isStatus(f, 1, null),
    ],
  },
  review(
    'merge (merge, status put back, comment)',
    34,
    async (s) => ({ kind: 'merge', into: await record(s, 1) }),
    [
      (f) => (f.record(34) === undefined && f.record(1)?.fields['catalogNumber'] === 'DEMO0001234' ? 1 : 0),
      // The status put back: only a write once the merge happened.
      (f) => merged34Into1(f) * isStatus(f, 1, null),
      (f) => commentsOn(f, 1, resolvedComment('merged DEMO0001234 into record 1')),
    ],
  ),
  review('accession set', 35, () => Promise.resolve({ kind: 'accession', value: '6001' }), [
    (f) => f.identifiersOf(35).filter((i) => i.value === '6001').length * isStatus(f, 35, 'reviewed'),
    (f) => commentsOn(f, 35, resolvedComment('accession 6001 set, status reviewed')),
  ]),
  review(
    'barcode set on a legacy record',
    9,
    () => Promise.resolve({ kind: 'barcode', value: 'DEMO0009300' }),
    [
      (f) => (f.record(9)?.fields['catalogNumber'] === 'DEMO0009300' ? isStatus(f, 9, 'reviewed') : 0),
      (f) => commentsOn(f, 9, resolvedComment('barcode DEMO0009300 set, status reviewed')),
    ],
  ),
  review('sent back', 36, () => Promise.resolve({ kind: 'send-back' }), [
    (f) => isStatus(f, 36, 'unprocessed') * (f.editsOf(36).length > 0 ? 1 : 0),
    (f) => commentsOn(f, 36, resolvedComment("sent back to the technicians' queue (status unprocessed)")),
  ]),
  review('marked reviewed', 33, () => Promise.resolve({ kind: 'reviewed' }), [
    (f) => isStatus(f, 33, 'reviewed'),
    (f) => commentsOn(f, 33, resolvedComment('marked reviewed')),
  ]),
  {
    name: 'Journal: a link undone',
    prepare: async (s) => {
      const id = s.outbox.submit(linkTask(COLLID, await candidate(s, 4), null, 'DEMO0009004', null));
      await s.outbox.whenDecided(id);
      await expect.poll(() => s.journal.list().then((e) => e.length)).toBe(1);
    },
    decide: async (s) => {
      const [entry] = await s.journal.list();
      const undo = undoTask(entry!, [entry!], COLLID);
      if (!undo.ok) throw new Error(say(undo.why));
      return undo.draft;
    },
    holds: [(f) => ((f.record(4)?.fields['catalogNumber'] ?? null) === null ? 1 : 0)],
  },
];

const tally = {
  tasksInjected: 0,
  faultsInjected: 0,
  writesLost: 0,
  writesDoubled: 0,
  misreported: 0,
  journalMissing: 0,
};

afterAll(() => {
  if (process.env['RELIABILITY_OUT']) writeFileSync(process.env['RELIABILITY_OUT'], JSON.stringify(tally));
});

/** Runs a task to its end as a technician would: logging in again when the login dialog asks. */
async function runToTheEnd(s: Station, draft: TaskDraft): Promise<Task> {
  const id = s.outbox.submit(draft);
  const task = () => s.outbox.view().tasks.find((t) => t.id === id)!;
  await expect
    .poll(
      async () => {
        if (s.outbox.view().sessionEnded) {
          await s.adapter.login(USER, 'demo');
          s.outbox.loggedIn(USER);
        }
        return taskSettled(task());
      },
      { timeout: 10_000, interval: 20 },
    )
    .toBe(true);
  // The journal is written as the task settles.
  await expect
    .poll(() => task().steps.every((st) => st.journaled || st.state === 'skipped' || st.state === 'pending'))
    .toBe(true);
  return task();
}

interface Verdict {
  /** Per write: how many times the portal holds it. */
  held: number[];
  /** Per write: what the task says of it. */
  said: string[];
  journalled: number;
  journalMissing: number;
}

/** What the portal holds, what the task says, and what the journal kept, write by write. */
async function verdict(s: Station, c: TaskCase, task: Task): Promise<Verdict> {
  const entries = await s.journal.list();
  const held = c.holds.map((h) => h(s.fake));
  const said = task.steps.map((st) => st.state);
  // Every write that reached the portal (done, or refused by it) has its entry.
  const owed = task.steps.flatMap((st, i) =>
    st.state === 'done' || st.state === 'refused' || st.state === 'needs-decision' ? [i] : [],
  );
  const missing = owed.filter(
    (i) =>
      !entries.some(
        (e) =>
          e.key?.startsWith(`${task.id}:${i}:`) &&
          e.outcome === (task.steps[i]!.state === 'done' ? 'done' : 'failed'),
      ),
  );
  return { held, said, journalled: entries.length, journalMissing: missing.length };
}

function count(v: Verdict, task: Task, mustEndDone: boolean) {
  // One whole task, one fault put at one of its writes.
  tally.tasksInjected++;
  tally.faultsInjected++;
  tally.journalMissing += v.journalMissing;
  v.held.forEach((n, i) => {
    const state = v.said[i];
    if (n > 1) tally.writesDoubled++;
    if (mustEndDone && n === 0) tally.writesLost++;
    // The task says a write is in the portal exactly when it is (a skipped put-back: nothing needed).
    if ((state === 'done' || state === 'skipped') !== n >= 1) tally.misreported++;
  });
  if (mustEndDone && taskOutcome(task).kind !== 'done') tally.misreported++;
}

describe.each(TASKS)('$name', (c) => {
  it('without a fault makes one request per write and ends done, journalled', async () => {
    const s = station();
    await c.prepare?.(s);
    const draft = await c.decide(s);
    const requests = s.fake.writeRequestsReceived;
    const task = await runToTheEnd(s, draft);
    expect(s.fake.writeRequestsReceived - requests).toBe(c.holds.length);
    const v = await verdict(s, c, task);
    expect(v).toMatchObject({ held: c.holds.map(() => 1), journalMissing: 0 });
    expect(taskOutcome(task).kind).toBe('done');
  });

  const at = c.holds.map((_, i) => i);
  describe.each(at)('a fault at write %i', (index) => {
    it.each(FAULT_KINDS)('"%s": every write once, said as done, all journalled', async (fault: FaultKind) => {
      const s = station();
      await c.prepare?.(s);
      const draft = await c.decide(s);
      s.fake.injectFault(fault, { after: index, delayMs: SLOW_MS });
      const task = await runToTheEnd(s, draft);
      const v = await verdict(s, c, task);
      count(v, task, true);
      expect(v).toMatchObject({ held: c.holds.map(() => 1), journalMissing: 0 });
      expect(taskOutcome(task).kind).toBe('done');
    });

    it('refused by the portal: what went before stays, what the task says is what the portal holds, all journalled', async () => {
      const s = station();
      await c.prepare?.(s);
      const draft = await c.decide(s);
      s.fake.injectFault('refuse', { after: index });
      const task = await runToTheEnd(s, draft);
      const v = await verdict(s, c, task);
      count(v, task, false);
      // Writes before the refused one are in the portal and said so; none is doubled.
      expect(v.held.slice(0, index)).toEqual(c.holds.slice(0, index).map(() => 1));
      expect(v.held.every((n) => n <= 1)).toBe(true);
      v.held.forEach((n, i) =>
        expect([i, n >= 1]).toEqual([i, v.said[i] === 'done' || v.said[i] === 'skipped']),
      );
      expect(v.journalMissing).toBe(0);
      const row = taskRow(task);
      if (index === 0) expect(row.state).toBe('failed');
      else if (v.said[index] === 'refused') {
        // The decision stands: said with a problem, and Retry offered.
        expect(row.state).not.toBe('failed');
        expect(row.problemAfter).toBe('failed');
        expect(row.retryable).toBe(true);
      }
    });
  });
});

describe('Retry', () => {
  it('takes up the same task: one outbox item, one write in the portal', async () => {
    const s = station();
    s.fake.injectFault('refuse');
    const draft = linkTask(COLLID, await candidate(s, 1), null, 'DEMO0009001', null);
    const task = await runToTheEnd(s, draft);
    expect(taskRow(task)).toMatchObject({ state: 'failed', retryable: true });
    expect(s.fake.record(1)?.fields['catalogNumber']).toBeNull();
    s.outbox.retry(task.id);
    await expect.poll(() => taskRow(s.outbox.view().tasks[0]!).state).toBe('linked');
    expect(s.outbox.view().tasks).toHaveLength(1);
    expect(s.fake.writesApplied).toBe(1);
    expect(s.fake.record(1)?.fields['catalogNumber']).toBe('DEMO0009001');
    // The journal keeps both: the refusal and the retry that went through.
    await expect
      .poll(async () => (await s.journal.list()).map((e) => e.outcome).sort())
      .toEqual(['done', 'failed']);
  });

  it('pressed at once, while the refusal is still being journalled, is not lost', async () => {
    const s = station();
    s.fake.injectFault('refuse');
    const id = s.outbox.submit(linkTask(COLLID, await candidate(s, 1), null, 'DEMO0009001', null));
    await s.outbox.whenDecided(id);
    s.outbox.retry(id);
    await expect.poll(() => s.fake.record(1)?.fields['catalogNumber']).toBe('DEMO0009001');
    await expect.poll(() => taskRow(s.outbox.view().tasks[0]!).state).toBe('linked');
  });
});

describe('a Review merge whose status cannot be put back', () => {
  it('is shown as merged with a problem, and the merge is in the journal with both records', async () => {
    const s = station();
    await asCase(s.fake, 34);
    const draft = resolutionTask(
      COLLID,
      await record(s, 34),
      { kind: 'merge', into: await record(s, 1) },
      USER,
      true,
    );
    s.fake.injectFault('refuse', { after: 1 });
    const task = await runToTheEnd(s, draft);
    expect(s.fake.record(34)).toBeUndefined();
    const row = taskRow(task);
    expect(row).toMatchObject({ state: 'resolved', problemAfter: 'failed', retryable: true });
    expect(row.note?.code).toBe('task.note.status-failed');
    const merge = (await s.journal.list()).find((e) => e.action === 'merge');
    expect(merge).toMatchObject({ outcome: 'done', occid: 1 });
    expect(merge?.mergedRecords?.skeletal.occid).toBe(34);
  });
});

describe('a task whose page closed', () => {
  it('before it was sent goes out once when the station opens again', async () => {
    const s = station();
    const draft = linkTask(COLLID, await candidate(s, 1), null, 'DEMO0009001', null);
    // The page stores the task and dies before sending (the request never leaves).
    s.fake.injectFault('drop-request', { on: 'everything', times: 100 });
    const id = s.outbox.submit(draft);
    await expect.poll(() => s.outbox.view().tasks[0]?.steps[0]?.state).toBe('waiting');
    s.outbox.stop();
    // Whatever the dead page had on the wire is lost with it.
    await new Promise((r) => setTimeout(r, 200));
    s.fake.clearFaults();
    const again = s.reopen();
    await again.outbox.start(USER);
    await expect.poll(() => again.outbox.view().tasks.find((t) => t.id === id)?.steps[0]?.state).toBe('done');
    expect(s.fake.writesApplied).toBe(1);
    expect(s.fake.record(1)?.fields['catalogNumber']).toBe('DEMO0009001');
    await expect.poll(() => again.journal.list().then((e) => e.length)).toBe(1);
  });

  it('while it was being sent is read back, found saved, and not sent twice', async () => {
    const s = station();
    const draft = linkTask(COLLID, await candidate(s, 1), null, 'DEMO0009001', null);
    s.fake.injectFault('slow-answer', { delayMs: 300 });
    const id = s.outbox.submit(draft);
    await expect.poll(() => s.outbox.view().tasks[0]?.steps[0]?.state).toBe('sending');
    s.outbox.stop();
    // The portal finishes the save it received; the station that sent it is gone.
    await expect.poll(() => s.fake.record(1)?.fields['catalogNumber']).toBe('DEMO0009001');
    const again = s.reopen();
    await again.outbox.start(USER);
    await expect
      .poll(() => again.outbox.view().tasks.find((t) => t.id === id)?.steps[0])
      .toMatchObject({ state: 'done', confirmedByReading: true });
    expect(s.fake.writesApplied).toBe(1);
    await expect
      .poll(() => again.journal.list())
      .toEqual([expect.objectContaining({ action: 'link', outcome: 'done', confirmedByReading: true })]);
  });
});

describe('a task that finds the portal changed meanwhile', () => {
  it('needs a decision and overwrites nothing', async () => {
    const s = station();
    const draft = linkTask(COLLID, await candidate(s, 1), null, 'DEMO0009001', null);
    s.fake.injectFault('drop-request');
    const id = s.outbox.submit(draft);
    await expect.poll(() => s.outbox.view().tasks[0]?.steps[0]?.attempts).toBe(1);
    // Another station links the record before the retry.
    s.fake.save({ occid: 1, editedFields: ['catalognumber'], posted: [['catalognumber', 'DEMO0009555']] });
    const task = await s.outbox.whenDecided(id);
    expect(task.steps[0]?.state).toBe('needs-decision');
    expect(taskRow(task).problem?.values).toMatchObject({ barcode: 'DEMO0009555' });
    expect(s.fake.record(1)?.fields['catalogNumber']).toBe('DEMO0009555');
  });
});

describe('tasks decided by one technician', () => {
  it('are not sent when another user logs in on the station', async () => {
    let user = USER;
    const s = station(() => user);
    const draft = linkTask(COLLID, await candidate(s, 1), null, 'DEMO0009001', null);
    s.fake.injectFault('end-session');
    s.outbox.submit(draft);
    await expect.poll(() => s.outbox.view().sessionEnded).toBe(true);
    user = 'curator';
    await s.adapter.login('curator', 'demo');
    s.outbox.loggedIn('curator');
    await new Promise((r) => setTimeout(r, 300));
    expect(s.fake.record(1)?.fields['catalogNumber']).toBeNull();
    expect(s.outbox.view().tasks[0]).toMatchObject({ user: USER });
    expect(s.outbox.view().tasks[0]?.steps[0]).toMatchObject({ state: 'waiting', waitingFor: 'login' });
    user = USER;
    await s.adapter.login(USER, 'demo');
    s.outbox.loggedIn(USER);
    await expect.poll(() => s.fake.record(1)?.fields['catalogNumber']).toBe('DEMO0009001');
  });
});

describe('two tabs of one station', () => {
  it('never both send the same task: one sends it, the other finds it done', async () => {
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
      const draft = linkTask(COLLID, await candidate(first, 1), null, 'DEMO0009001', null);
      first.fake.injectFault('drop-request', { on: 'everything', times: 3 });
      const id = first.outbox.submit(draft);
      await expect.poll(() => first.outbox.view().tasks[0]?.steps[0]?.state).toBe('waiting');
      const second = first.reopen();
      await second.outbox.start(USER);
      await expect.poll(() => first.fake.record(1)?.fields['catalogNumber']).toBe('DEMO0009001');
      await expect.poll(async () => (await second.store.get(id))?.steps[0]?.state).toBe('done');
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
    const draft = linkTask(COLLID, await candidate(s, 1), null, 'DEMO0009001', null);
    const { http, HttpResponse } = await import('msw');
    const server = setupServer(
      http.post(
        '*/collections/editor/occurrenceeditor.php',
        () => HttpResponse.html('<html><body>Bad gateway page</body></html>', { status: 404 }),
        { once: true },
      ),
      ...fakeSymbiotaHandlers(s.fake, ''),
    );
    // The proxy's page, once, in front of the same portal.
    s.close();
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const again = s.reopen();
      const task = await runToTheEnd(again, draft);
      expect(s.fake.writesApplied).toBe(1);
      expect(task.steps[0]).toMatchObject({ state: 'done', attempts: 2 });
    } finally {
      server.close();
    }
  });
});
