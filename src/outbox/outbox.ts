import { replayDecision, retryDelayMs, type PortalNow, type WriteIntent } from '../domain/outbox';
import { sameStatus } from '../domain/processing-status';
import { said, type Said } from '../domain/said';
import {
  decided,
  intendedValues,
  journalEntriesOf,
  newTask,
  nextStep,
  stepSettled,
  taskSettled,
  type FieldValues,
  type StepIntent,
  type Task,
  type TaskDraft,
  type TaskStep,
} from '../domain/task';
import type { StationJournal } from '../journal/station-journal';
import { isPortalError, isTransient, PortalError } from '../portal/errors';
import type { PortalClient, PortalReads } from '../portal/portal';
import { expired, type TaskStore } from './task-store';

/** What the screens see of the outbox: its tasks, whether the portal answers, whether a login is needed. */
export interface OutboxView {
  tasks: Task[];
  /** The portal cannot be reached (the browser says it is offline, or the last request got no answer). */
  offline: boolean;
  /** The portal said the session ended: a login is needed before anything else is sent. */
  sessionEnded: boolean;
  /** False when IndexedDB is not available: tasks are kept for this page only. */
  durable: boolean;
  /** The station journal could not be written: said once, tried again with the next task. */
  journalProblem: Said | null;
  /** When this page opened. */
  openedAt: number;
}

export interface Outbox {
  view(): OutboxView;
  subscribe(listener: () => void): () => void;
  /**
   * Takes what a person decided: shown at once, stored, then run (never sent before it is stored). The id
   * is what the screens follow.
   */
  submit(draft: TaskDraft): string;
  /** A settled task the screen has taken up again (a reopened link) leaves the outbox; the journal keeps it. */
  forget(id: string): void;
  /** Resolves once the task's decision is known: its first write done, refused, or waiting for a person. */
  whenDecided(id: string): Promise<Task>;
  /** Loads what an earlier page left and sends what is due (tasks of `user` only). */
  start(user: string): Promise<void>;
  /** The same task tried again (a refused write is read first; nothing is sent twice). */
  retry(id: string): void;
  /** The technician pressed Retry now, or the network came back. */
  retryNow(): void;
  /** Someone logged in again in place: their own waiting tasks go out; anyone else's keep waiting. */
  loggedIn(user: string): void;
  stop(): void;
}

interface Options {
  store: TaskStore;
  journal: StationJournal;
  /** The user a task is made for (the logged-in technician). */
  user: () => string | null;
  now?: () => number;
  newId?: () => string;
  /** The pause before automatic try n (the fault suite shortens it). */
  retryDelay?: (attempts: number) => number;
}

/** How many times an answer the station cannot read is tried again (read first) before a person decides. */
const UNREADABLE_TRIES = 3;

const NEEDS_DECISION = new Set(['record-changed', 'barcode-in-use', 'merge-unconfirmed']);

/** One tab runs a given task at a time: the Web Locks API where the browser has it. */
async function exclusively(id: string, run: () => Promise<void>): Promise<boolean> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) {
    await run();
    return true;
  }
  return locks.request(`specimen-linker-outbox:${id}`, { ifAvailable: true }, async (lock) => {
    if (!lock) return false;
    await run();
    return true;
  });
}

/** A step's write with its record filled in (a comment on the record the step before created). */
function resolved(task: Task, index: number): WriteIntent {
  const intent = task.steps[index]!.intent;
  if (intent.kind !== 'comment' || intent.occid !== 'previous') return intent as WriteIntent;
  const occid = task.steps[index - 1]?.resultOccid;
  if (occid === null || occid === undefined)
    throw new PortalError('record-missing', 'record-missing', { occid: 0 });
  return { ...intent, occid };
}

interface StepResult {
  before: FieldValues | null;
  after: FieldValues;
  resultOccid: number | null;
  resultImages?: number;
  mergedRecords?: TaskStep['mergedRecords'];
}

/** A guarded write's answer as a step's result: what the record held before and after, and where it ended. */
const fromWrite = (w: {
  before: FieldValues | null;
  after: FieldValues;
  record: { occid: number; images: unknown[] };
}): StepResult => ({
  before: w.before,
  after: w.after,
  resultOccid: w.record.occid,
  resultImages: w.record.images.length,
});

/**
 * The outbox (docs/decisions/012): every decision is a task it stores before sending, runs step by step —
 * reading the portal before anything is sent again (decision 010) — journals step by step as steps settle,
 * and lets the screens follow. Reads pass through; their failures tell whether the portal answers.
 */
export function createOutbox(inner: PortalClient, options: Options): { portal: PortalReads; outbox: Outbox } {
  const { store, journal } = options;
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const retryDelay = options.retryDelay ?? retryDelayMs;
  const tasks = new Map<string, Task>();
  const running = new Set<string>();
  const runAgain = new Set<string>();
  const listeners = new Set<() => void>();
  const deciders = new Map<string, ((task: Task) => void)[]>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The browser's own word that it has no network: when it says so, nothing says the portal answers. */
  const browserOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;
  let offline = browserOffline();
  let sessionEnded = false;
  let journalProblem: Said | null = null;
  let snapshot: OutboxView | null = null;
  let stopped = false;
  const openedAt = now();
  const channel =
    typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('specimen-linker-outbox');

  const emit = () => {
    snapshot = null;
    for (const l of listeners) l();
  };
  const setOffline = (value: boolean) => {
    if (offline === value) return;
    offline = value;
    emit();
    if (!value) retryDue('network');
  };
  const setSessionEnded = (value: boolean) => {
    if (sessionEnded === value) return;
    sessionEnded = value;
    emit();
  };

  /** Reads tell whether the portal answers and whether the session lives. */
  function observe<T>(promise: Promise<T>): Promise<T> {
    return promise.then(
      (value) => {
        // An answer that was already on its way when the network went (or one a service worker gave)
        // does not mean the portal can be reached again: the browser's online event says that.
        if (!browserOffline()) setOffline(false);
        return value;
      },
      (error: unknown) => {
        if (isPortalError(error) && error.kind === 'portal-unreachable') setOffline(true);
        if (isPortalError(error) && error.kind === 'not-logged-in') setSessionEnded(true);
        throw error;
      },
    );
  }

  function tellDeciders(task: Task) {
    if (!decided(task)) return;
    const waiting = deciders.get(task.id);
    if (!waiting) return;
    deciders.delete(task.id);
    for (const resolve of waiting) resolve(task);
  }

  async function save(task: Task) {
    // A stopped outbox is a page that has gone: whatever it was doing leaves no trace.
    if (stopped) return;
    tasks.set(task.id, task);
    emit();
    tellDeciders(task);
    await store.put(task);
    if (!stopped) channel?.postMessage(task.id);
  }

  const withStep = (task: Task, index: number, change: Partial<TaskStep>): Task => {
    const steps = task.steps.map((s, i) => (i === index ? { ...s, ...change } : s));
    const next = { ...task, steps };
    return { ...next, settledAt: taskSettled(next) ? (task.settledAt ?? now()) : null };
  };

  /** Writes the journal entries a task owes (the pure rule decides which), then marks them written. */
  async function journalIt(task: Task): Promise<Task> {
    const written: { index: number; attempts: number }[] = [];
    for (const { index, entry } of journalEntriesOf(task, (ms) => new Date(ms).toISOString())) {
      // A page that has gone writes nothing more; the station that opens next journals what it finds.
      if (stopped) return task;
      try {
        await journal.append(entry);
        written.push({ index, attempts: task.steps[index]!.attempts });
        if (journalProblem) {
          journalProblem = null;
          emit();
        }
      } catch (error) {
        journalProblem = said('outbox.journal-failed', {
          occid: entry.occid,
          text: error instanceof Error ? error.message : String(error),
        });
        emit();
      }
    }
    if (written.length === 0) return task;
    // Marked on the task as it is now: a Retry pressed meanwhile has moved it on, and its step is not marked.
    const latest = tasks.get(task.id);
    // Forgotten meanwhile (a refused link reopened): its entries are written; there is no task to mark.
    if (!latest) return task;
    const current = {
      ...latest,
      steps: latest.steps.map((s, i) =>
        written.some((w) => w.index === i && w.attempts === s.attempts && stepSettled(s))
          ? { ...s, journaled: true }
          : s,
      ),
    };
    await save(current);
    return current;
  }

  async function readNow(intent: WriteIntent): Promise<PortalNow> {
    switch (intent.kind) {
      case 'barcode':
      case 'accession':
      case 'status':
      case 'restore':
        return { kind: 'record', record: await inner.readRecord(intent.occid) };
      case 'merge': {
        const [source, target] = [
          await inner.readRecord(intent.source),
          await inner.readRecord(intent.target),
        ];
        return { kind: 'merge', sourceExists: source !== null, target };
      }
      case 'create':
        return {
          kind: 'barcode-holders',
          holders: await inner.barcodeInUse(intent.collid, intent.barcode, 0),
        };
      case 'comment':
        return { kind: 'comments', texts: (await inner.readComments(intent.occid)).map((c) => c.text) };
    }
  }

  async function send(intent: WriteIntent): Promise<StepResult> {
    switch (intent.kind) {
      case 'barcode':
        return fromWrite(
          await inner.setCatalogNumber(
            intent.collid,
            intent.occid,
            intent.barcode,
            intent.status ?? undefined,
          ),
        );
      case 'accession':
        return fromWrite(
          await inner.addAccession(intent.collid, intent.occid, intent.accession, intent.status ?? undefined),
        );
      case 'status':
        return fromWrite(await inner.setProcessingStatus(intent.collid, intent.occid, intent.status));
      case 'restore':
        return fromWrite(await inner.restoreValues(intent.collid, intent.occid, intent.changes));
      case 'merge': {
        const m = await inner.mergeSkeletalIntoLegacy(intent.collid, intent.source, intent.target);
        return {
          before: m.before,
          after: m.after,
          resultOccid: m.merged.occid,
          resultImages: m.merged.images.length,
          mergedRecords: m.records,
        };
      }
      case 'create':
        return fromWrite(
          await inner.createRecord(intent.collid, intent.barcode, intent.status, intent.enteredBy),
        );
      case 'comment':
        await inner.addComment(intent.occid, intent.text);
        return { before: {}, after: {}, resultOccid: intent.occid };
    }
  }

  /** Already in the portal: what the write meant to leave, and the record it ended on. */
  function foundDone(intent: WriteIntent, occid: number | null): StepResult {
    return {
      before: null,
      after: intendedValues(intent as StepIntent),
      resultOccid:
        occid ?? ('occid' in intent ? intent.occid : intent.kind === 'merge' ? intent.target : null),
    };
  }

  function schedule(task: Task, at: number) {
    const old = timers.get(task.id);
    if (old) clearTimeout(old);
    if (stopped) return;
    timers.set(
      task.id,
      setTimeout(
        () => {
          timers.delete(task.id);
          void run(task.id);
        },
        Math.max(0, at - now()),
      ),
    );
  }

  /** Runs a task's due steps in order, one at a time, until one waits or the task is settled. */
  async function run(id: string): Promise<void> {
    const start = tasks.get(id);
    if (!start || stopped) return;
    if (start.user !== options.user()) return;
    if (running.has(id)) {
      // Still finishing its last step (its journal entry): run again once that is done (a Retry pressed at once).
      runAgain.add(id);
      return;
    }
    running.add(id);
    try {
      const ran = await exclusively(id, async () => {
        // Another tab may have run it meanwhile.
        let task = (await store.get(id)) ?? start;
        for (;;) {
          if (stopped) return;
          const index = nextStep(task);
          if (index === null) {
            await journalIt(task);
            return;
          }
          const step = task.steps[index]!;
          if (step.waitingFor === 'login' && sessionEnded) return;
          if (step.nextTryAt !== null && step.nextTryAt > now()) {
            schedule(task, step.nextTryAt);
            return;
          }
          task = await attempt(task, index);
          task = await journalIt(task);
          if (!stepSettled(task.steps[index]!)) return;
        }
      });
      if (!ran) {
        // Another tab holds it: look again later.
        const later = tasks.get(id);
        if (later) schedule(later, now() + 5_000);
      }
    } finally {
      running.delete(id);
    }
    if (runAgain.delete(id)) await run(id);
  }

  /** One try of one step: read first when sent before, then send; the outcome decides the next state. */
  async function attempt(task: Task, index: number): Promise<Task> {
    const step = task.steps[index]!;
    const resend = step.attempts > 0;
    let sending = withStep(task, index, {
      state: 'sending',
      waitingFor: null,
      nextTryAt: null,
      attempts: step.attempts + 1,
    });
    await save(sending);
    try {
      const intent = resolved(sending, index);
      // The status the merge should have left: put back only when the merge changed it (rec. 10a).
      const before = sending.steps[index - 1]?.after?.['processingstatus'];
      if (
        step.onlyIfNeeded &&
        intent.kind === 'status' &&
        before !== undefined &&
        sameStatus(before, intent.status)
      ) {
        sending = withStep(sending, index, {
          state: 'skipped',
          settledAt: now(),
          after: { processingstatus: before },
        });
        await save(sending);
        return sending;
      }
      let result: StepResult;
      let byReading = false;
      const decision = resend ? replayDecision(intent, await readNow(intent)) : null;
      if (decision?.do === 'decide') throw PortalError.from('record-changed', decision.why);
      if (decision?.do === 'done') {
        result = foundDone(intent, decision.occid);
        byReading = true;
      } else result = await send(intent);
      setOffline(false);
      setSessionEnded(false);
      const done = withStep(sending, index, {
        state: 'done',
        problem: null,
        problemKind: null,
        confirmedByReading: byReading,
        before: result.before,
        after: result.after,
        resultOccid: result.resultOccid,
        resultImages: result.resultImages ?? null,
        ...(result.mergedRecords ? { mergedRecords: result.mergedRecords } : {}),
        settledAt: now(),
      });
      await save(done);
      return done;
    } catch (error) {
      return failed(sending, index, error);
    }
  }

  async function failed(task: Task, index: number, error: unknown): Promise<Task> {
    const step = task.steps[index]!;
    const problem = isPortalError(error)
      ? error.said
      : said('station.error.unexpected', { text: error instanceof Error ? error.message : String(error) });
    const problemKind = isPortalError(error) ? error.kind : 'unexpected-response';
    // An answer the station cannot read (a proxy's error page, a half-loaded page) says nothing about
    // whether the write was made: read the record and try again a few times before asking a person.
    const unreadable =
      isPortalError(error) && error.kind === 'unexpected-response' && step.attempts < UNREADABLE_TRIES;
    if (isTransient(error) || unreadable) {
      if (isPortalError(error) && error.kind === 'portal-unreachable') setOffline(true);
      const nextTryAt = now() + retryDelay(step.attempts);
      const waiting = withStep(task, index, {
        state: 'waiting',
        waitingFor: 'network',
        nextTryAt,
        problem,
        problemKind,
      });
      await save(waiting);
      schedule(waiting, nextTryAt);
      return waiting;
    }
    if (isPortalError(error) && error.kind === 'not-logged-in') {
      setSessionEnded(true);
      const waiting = withStep(task, index, {
        state: 'waiting',
        waitingFor: 'login',
        nextTryAt: null,
        problem,
      });
      await save(waiting);
      return waiting;
    }
    const stopped = withStep(task, index, {
      state: NEEDS_DECISION.has(problemKind) ? 'needs-decision' : 'refused',
      waitingFor: null,
      nextTryAt: null,
      problem,
      problemKind,
      settledAt: now(),
    });
    await save(stopped);
    return stopped;
  }

  function retryDue(reason: 'network' | 'login' | 'all') {
    for (const task of tasks.values()) {
      const index = nextStep(task);
      if (index === null) continue;
      const step = task.steps[index]!;
      if (step.state !== 'waiting' && step.state !== 'pending') continue;
      if (reason !== 'all' && step.waitingFor !== reason) continue;
      void save(withStep(task, index, { nextTryAt: now() })).then(() => run(task.id));
    }
    emit();
  }

  const onOnline = () => setOffline(false);
  const onOffline = () => setOffline(true);
  if (typeof window !== 'undefined') {
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
  }
  if (channel) {
    channel.onmessage = () => {
      void store.all().then((all) => {
        for (const t of all) if (!running.has(t.id)) tasks.set(t.id, t);
        emit();
        for (const t of all) tellDeciders(t);
      });
    };
  }

  const portal: PortalReads = {
    session: (collid) => observe(inner.session(collid)),
    collectionRole: (collid) => observe(inner.collectionRole(collid)),
    login: async (username, password) => {
      await observe(inner.login(username, password));
      setSessionEnded(false);
    },
    logout: () => inner.logout(),
    findByAccession: (...a) => observe(inner.findByAccession(...a)),
    findByAccessionPattern: (...a) => observe(inner.findByAccessionPattern(...a)),
    findByCollector: (...a) => observe(inner.findByCollector(...a)),
    listUnprocessedWithoutAccession: (...a) => observe(inner.listUnprocessedWithoutAccession(...a)),
    listByStatus: (...a) => observe(inner.listByStatus(...a)),
    readRecord: (occid) => observe(inner.readRecord(occid)),
    barcodeInUse: (...a) => observe(inner.barcodeInUse(...a)),
    accessionInUse: (...a) => observe(inner.accessionInUse(...a)),
    imageCount: (occid) => observe(inner.imageCount(occid)),
    readComments: (occid) => observe(inner.readComments(occid)),
    portalVersion: () => inner.portalVersion(),
    recordSource: () => inner.recordSource(),
    onRecordSourceChange: (listener) => inner.onRecordSourceChange(listener),
    checkPortal: (collid) => inner.checkPortal(collid),
  };

  const outbox: Outbox = {
    view() {
      snapshot ??= {
        tasks: [...tasks.values()].sort((a, b) => b.createdAt - a.createdAt),
        offline,
        sessionEnded,
        durable: store.durable,
        journalProblem,
        openedAt,
      };
      return snapshot;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    submit(draft) {
      const user = options.user();
      if (user === null) throw new PortalError('not-logged-in', 'nobody-logged-in');
      const task = newTask(draft, newId(), user, now());
      tasks.set(task.id, task);
      emit();
      void store.put(task).then(
        () => {
          channel?.postMessage(task.id);
          return run(task.id);
        },
        (error: unknown) => {
          // Not kept over a reload: said in the outbox bar, and sent all the same.
          journalProblem = said('outbox.store-failed', {
            text: error instanceof Error ? error.message : String(error),
          });
          emit();
          return run(task.id);
        },
      );
      return task.id;
    },
    forget(id) {
      const task = tasks.get(id);
      if (!task || !taskSettled(task)) return;
      tasks.delete(id);
      emit();
      void store.remove([id]);
    },
    whenDecided(id) {
      const task = tasks.get(id);
      if (task && decided(task)) return Promise.resolve(task);
      return new Promise((resolve) => deciders.set(id, [...(deciders.get(id) ?? []), resolve]));
    },
    async start(user) {
      const all = await store.all();
      const old = expired(all, now());
      if (old.length > 0) await store.remove(old);
      for (const task of all) if (!old.includes(task.id) && !tasks.has(task.id)) tasks.set(task.id, task);
      emit();
      for (const task of [...tasks.values()]) {
        if (task.user !== user) continue;
        const index = nextStep(task);
        if (index === null) {
          // Settled, but a journal entry may be owed (the page closed in between).
          if (task.steps.some((s) => !s.journaled && stepSettled(s))) void journalIt(task);
          continue;
        }
        // A step found "sending" was cut off mid-way (the tab closed): unclear, so it is read first.
        const step = task.steps[index]!;
        const due =
          step.state === 'sending'
            ? withStep(task, index, {
                state: 'waiting',
                attempts: Math.max(1, step.attempts),
                nextTryAt: now(),
              })
            : withStep(task, index, { nextTryAt: now() });
        void save(due).then(() => run(task.id));
      }
    },
    retry(id) {
      const task = tasks.get(id);
      if (!task) return;
      const index = task.steps.findIndex((s) => s.state === 'refused' || s.state === 'needs-decision');
      const due = index >= 0 ? index : nextStep(task);
      if (due === null) return;
      // The same task: the stopped step is read first (its attempts count), so nothing is written twice.
      const again = withStep(task, due, {
        state: 'waiting',
        waitingFor: null,
        nextTryAt: now(),
        attempts: Math.max(1, task.steps[due]!.attempts),
        settledAt: null,
        // Its refusal is in the journal; what the retry ends in is journalled too.
        journaled: false,
      });
      void save(again).then(() => run(id));
    },
    retryNow: () => retryDue('all'),
    loggedIn(user) {
      setSessionEnded(false);
      for (const task of tasks.values()) if (task.user === user && !taskSettled(task)) void run(task.id);
    },
    stop() {
      stopped = true;
      for (const t of timers.values()) clearTimeout(t);
      timers.clear();
      channel?.close();
      if (typeof window !== 'undefined') {
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
      }
    },
  };
  return { portal, outbox };
}
