import {
  isSettled,
  replayDecision,
  retryDelayMs,
  type OutboxItem,
  type PortalNow,
  type WriteIntent,
} from '../domain/outbox';
import type { SpecimenRecord } from '../domain/occurrence';
import { isPortalError, isTransient, PortalError } from '../portal/errors';
import type { PortalClient } from '../portal/portal';
import { expired, type OutboxStore } from './outbox-store';

/** What the screens see of the outbox: its writes, whether the portal answers, whether a login is needed. */
export interface OutboxView {
  items: OutboxItem[];
  /** The portal cannot be reached (the browser says it is offline, or the last request got no answer). */
  offline: boolean;
  /** The portal said the session ended: a login is needed before anything else is sent. */
  sessionEnded: boolean;
  /** False when IndexedDB is not available: writes are kept for this page only. */
  durable: boolean;
  /** When this page opened: writes created before it were left by an earlier page. */
  openedAt: number;
}

export interface Outbox {
  view(): OutboxView;
  subscribe(listener: () => void): () => void;
  /** Loads what an earlier page left and sends what is due (writes of `user` only). */
  start(user: string): Promise<void>;
  /** The technician pressed Retry now, or the network came back. */
  retryNow(): void;
  /** Someone logged in again in place: their own waiting writes go out; anyone else's keep waiting. */
  loggedIn(user: string): void;
  /** Whether this result was found already in the portal when read after an unclear answer. */
  confirmedByReading(result: unknown): boolean;
  /** A write left by an earlier page settled here, with no screen waiting for it. */
  onRecovered(listener: (item: OutboxItem) => void): () => void;
  stop(): void;
}

interface Options {
  store: OutboxStore;
  /** The user a write is made for (the logged-in technician). */
  user: () => string | null;
  now?: () => number;
  newId?: () => string;
  /** The pause before automatic try n (the fault suite shortens it). */
  retryDelay?: (attempts: number) => number;
}

/** The write did not get through yet; it waits in the outbox and goes out by itself. */
export class KeptInOutbox extends Error {
  constructor(readonly reason: string) {
    super(`It waits in the outbox and goes out when the portal answers (${reason}).`);
    this.name = 'KeptInOutbox';
  }
}

type Waiter = { resolve: (value: unknown) => void; reject: (error: unknown) => void };

/** How many times an answer the station cannot read is tried again (read first) before a person decides. */
const UNREADABLE_TRIES = 3;

const NEEDS_DECISION = new Set(['record-changed', 'barcode-in-use', 'merge-unconfirmed']);

/** One tab sends a given write at a time: the Web Locks API where the browser has it. */
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

/**
 * Wraps a portal so that every write goes through the durable outbox (docs/decisions/010): stored before it
 * is sent, read back before it is sent again, retried by itself when the fault passes, held for a login when
 * the session ends. Reads pass through; their failures tell the station whether the portal answers.
 */
export function durablePortal(inner: PortalClient, options: Options): { portal: PortalClient; outbox: Outbox } {
  const { store } = options;
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const retryDelay = options.retryDelay ?? retryDelayMs;
  const items = new Map<string, OutboxItem>();
  const waiters = new Map<string, Waiter>();
  const inFlight = new Set<string>();
  const confirmed = new WeakSet<object>();
  const listeners = new Set<() => void>();
  const recoveredListeners = new Set<(item: OutboxItem) => void>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  let sessionEnded = false;
  let snapshot: OutboxView | null = null;
  let stopped = false;
  const openedAt = now();
  const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('specimen-linker-outbox');

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
        setOffline(false);
        return value;
      },
      (error: unknown) => {
        if (isPortalError(error) && error.kind === 'portal-unreachable') setOffline(true);
        if (isPortalError(error) && error.kind === 'not-logged-in') setSessionEnded(true);
        throw error;
      },
    );
  }

  async function save(item: OutboxItem) {
    // A stopped outbox is a page that has gone: whatever it was doing leaves no trace.
    if (stopped) return;
    items.set(item.id, item);
    emit();
    await store.put(item);
    if (!stopped) channel?.postMessage(item.id);
  }

  async function readNow(intent: WriteIntent): Promise<PortalNow> {
    switch (intent.kind) {
      case 'barcode':
      case 'accession':
      case 'status':
      case 'restore':
        return { kind: 'record', record: await inner.readRecord(intent.occid) };
      case 'merge': {
        const [source, target] = [await inner.readRecord(intent.source), await inner.readRecord(intent.target)];
        return { kind: 'merge', sourceExists: source !== null, target };
      }
      case 'create':
        return { kind: 'barcode-holders', holders: await inner.barcodeInUse(intent.collid, intent.barcode, 0) };
      case 'comment':
        return { kind: 'comments', texts: (await inner.readComments(intent.occid)).map((c) => c.text) };
    }
  }

  async function send(intent: WriteIntent): Promise<unknown> {
    switch (intent.kind) {
      case 'barcode':
        return inner.setCatalogNumber(intent.collid, intent.occid, intent.barcode, intent.status ?? undefined);
      case 'accession':
        return inner.addAccession(intent.collid, intent.occid, intent.accession, intent.status ?? undefined);
      case 'status':
        return inner.setProcessingStatus(intent.collid, intent.occid, intent.status);
      case 'restore':
        return inner.restoreValues(intent.collid, intent.occid, intent.changes);
      case 'merge':
        return inner.mergeSkeletalIntoLegacy(intent.collid, intent.source, intent.target);
      case 'create':
        return inner.createRecord(intent.collid, intent.barcode, intent.status, intent.enteredBy);
      case 'comment':
        return inner.addComment(intent.occid, intent.text);
    }
  }

  /** What the caller of a write gets when replay finds the write already done. */
  async function resultOf(intent: WriteIntent, occid: number | null): Promise<unknown> {
    if (intent.kind === 'comment') return undefined;
    const record = occid === null ? null : await inner.readRecord(occid);
    if (record === null) throw new PortalError('record-missing', `Record ${occid ?? ''} is no longer in the portal.`);
    return intent.kind === 'merge' ? { merged: record } : record;
  }

  const occidOf = (result: unknown): number | null => {
    if (typeof result !== 'object' || result === null) return null;
    if ('merged' in result) return (result as { merged: SpecimenRecord }).merged.occid;
    return 'occid' in result ? (result as SpecimenRecord).occid : null;
  };

  function schedule(item: OutboxItem) {
    const old = timers.get(item.id);
    if (old) clearTimeout(old);
    if (item.nextTryAt === null || stopped) return;
    timers.set(
      item.id,
      setTimeout(() => {
        timers.delete(item.id);
        void attempt(item.id);
      }, Math.max(0, item.nextTryAt - now())),
    );
  }

  function settle(item: OutboxItem, result: unknown, error: unknown) {
    const waiter = waiters.get(item.id);
    if (waiter) {
      waiters.delete(item.id);
      if (item.state === 'done') waiter.resolve(result);
      else waiter.reject(error);
    } else {
      for (const l of recoveredListeners) l(item);
    }
  }

  /** One try: read first when sent before, then send; the outcome decides the next state. */
  async function attempt(id: string): Promise<void> {
    const start = items.get(id);
    if (!start || isSettled(start) || inFlight.has(id) || stopped) return;
    if (start.user !== options.user()) return;
    if (start.waitingFor === 'login' && sessionEnded) return;
    inFlight.add(id);
    try {
      const ran = await exclusively(id, async () => {
        // Another tab may have sent it meanwhile.
        const stored = (await store.get(id)) ?? start;
        if (isSettled(stored)) {
          items.set(id, stored);
          emit();
          settle(stored, await resultOf(stored.intent, stored.resultOccid).catch(() => undefined), null);
          return;
        }
        const resend = stored.attempts > 0;
        const sending: OutboxItem = {
          ...stored,
          state: 'sending',
          waitingFor: null,
          nextTryAt: null,
          attempts: stored.attempts + 1,
        };
        await save(sending);
        try {
          let result: unknown;
          let byReading = false;
          const decision = resend ? replayDecision(sending.intent, await readNow(sending.intent)) : null;
          if (decision?.do === 'decide') throw new PortalError('record-changed', decision.why);
          if (decision?.do === 'done') {
            result = await resultOf(sending.intent, decision.occid);
            byReading = true;
          } else {
            result = await send(sending.intent);
          }
          setOffline(false);
          setSessionEnded(false);
          if (byReading && typeof result === 'object' && result !== null) confirmed.add(result);
          const done: OutboxItem = {
            ...sending,
            state: 'done',
            confirmedByReading: byReading,
            message: byReading
              ? 'Confirmed by reading the portal after an unclear answer: it was saved once.'
              : null,
            settledAt: now(),
            resultOccid: occidOf(result) ?? (sending.intent.kind === 'comment' ? sending.intent.occid : null),
          };
          await save(done);
          settle(done, result, null);
        } catch (error) {
          await failed(sending, error);
        }
      });
      if (!ran) {
        // Another tab holds it: look again later.
        const later = { ...start, nextTryAt: now() + 5_000 };
        items.set(id, later);
        schedule(later);
      }
    } finally {
      inFlight.delete(id);
    }
  }

  /** A follow-up comment never holds up the write it follows: its caller hears at once that it waits. */
  function releaseComment(item: OutboxItem, error: unknown) {
    const waiter = waiters.get(item.id);
    if (!waiter || item.intent.kind !== 'comment') return;
    waiters.delete(item.id);
    waiter.reject(new KeptInOutbox(error instanceof Error ? error.message : String(error)));
  }

  async function failed(item: OutboxItem, error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    // An answer the station cannot read (a proxy's error page, a half-loaded page) says nothing about
    // whether the write was made: read the record and try again a few times before asking a person.
    const unreadable =
      isPortalError(error) && error.kind === 'unexpected-response' && item.attempts < UNREADABLE_TRIES;
    if (isTransient(error) || unreadable) {
      if (isPortalError(error) && error.kind === 'portal-unreachable') setOffline(true);
      const waiting: OutboxItem = {
        ...item,
        state: 'waiting',
        waitingFor: 'network',
        nextTryAt: now() + retryDelay(item.attempts),
        message,
      };
      await save(waiting);
      schedule(waiting);
      releaseComment(waiting, error);
      return;
    }
    if (isPortalError(error) && error.kind === 'not-logged-in') {
      setSessionEnded(true);
      const waiting: OutboxItem = { ...item, state: 'waiting', waitingFor: 'login', nextTryAt: null, message };
      await save(waiting);
      releaseComment(waiting, error);
      return;
    }
    const kind = isPortalError(error) ? error.kind : 'unexpected-response';
    const settledItem: OutboxItem = {
      ...item,
      state: NEEDS_DECISION.has(kind) ? 'needs-decision' : 'refused',
      waitingFor: null,
      nextTryAt: null,
      message,
      settledAt: now(),
    };
    await save(settledItem);
    settle(settledItem, undefined, error);
  }

  function retryDue(reason: 'network' | 'login' | 'all') {
    for (const item of items.values()) {
      if (item.state !== 'waiting' && item.state !== 'sending') continue;
      if (reason !== 'all' && item.waitingFor !== reason) continue;
      const due = { ...item, nextTryAt: now() };
      items.set(item.id, due);
      void attempt(item.id);
    }
    emit();
  }

  /** Stores the write, then sends it; the promise settles with the write (after any retries). */
  async function enqueue<T>(intent: WriteIntent): Promise<T> {
    const user = options.user();
    if (user === null) throw new PortalError('not-logged-in', 'Nobody is logged in; nothing was saved.');
    const item: OutboxItem = {
      id: newId(),
      user,
      intent,
      state: 'waiting',
      waitingFor: null,
      attempts: 0,
      nextTryAt: now(),
      message: null,
      confirmedByReading: false,
      createdAt: now(),
      settledAt: null,
      resultOccid: null,
    };
    const settled = new Promise<T>((resolve, reject) =>
      waiters.set(item.id, { resolve: resolve as (v: unknown) => void, reject }),
    );
    await save(item);
    if (sessionEnded) {
      const waiting: OutboxItem = { ...item, waitingFor: 'login', nextTryAt: null };
      await save(waiting);
      releaseComment(waiting, new PortalError('not-logged-in', 'Your portal session has ended.'));
    } else void attempt(item.id);
    return settled;
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
        for (const i of all) if (!inFlight.has(i.id)) items.set(i.id, i);
        emit();
      });
    };
  }

  const portal: PortalClient = {
    session: (collid) => observe(inner.session(collid)),
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

    setCatalogNumber: (collid, occid, barcode, status) =>
      enqueue({ kind: 'barcode', collid, occid, barcode, status: status ?? null }),
    addAccession: (collid, occid, accession, status) =>
      enqueue({ kind: 'accession', collid, occid, accession, status: status ?? null }),
    setProcessingStatus: (collid, occid, status) => enqueue({ kind: 'status', collid, occid, status }),
    restoreValues: (collid, occid, changes) => enqueue({ kind: 'restore', collid, occid, changes }),
    mergeSkeletalIntoLegacy: (collid, source, target) => enqueue({ kind: 'merge', collid, source, target }),
    createRecord: (collid, barcode, status, enteredBy) =>
      enqueue({ kind: 'create', collid, barcode, status, enteredBy }),
    addComment: (occid, text) => enqueue({ kind: 'comment', occid, text }),
  };

  const outbox: Outbox = {
    view() {
      snapshot ??= {
        items: [...items.values()].sort((a, b) => b.createdAt - a.createdAt),
        offline,
        sessionEnded,
        durable: store.durable,
        openedAt,
      };
      return snapshot;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async start(user) {
      const all = await store.all();
      const old = expired(all, now());
      if (old.length > 0) await store.remove(old);
      for (const item of all) if (!old.includes(item.id) && !items.has(item.id)) items.set(item.id, item);
      emit();
      for (const item of items.values()) {
        if (isSettled(item) || item.user !== user || waiters.has(item.id)) continue;
        // A write found "sending" was cut off mid-way (the tab closed): unclear, so it is read first.
        if (item.state === 'sending' || item.attempts === 0) items.set(item.id, { ...item, attempts: Math.max(1, item.attempts) });
        void attempt(item.id);
      }
    },
    retryNow: () => retryDue('all'),
    loggedIn(user) {
      setSessionEnded(false);
      for (const item of items.values())
        if (item.state === 'waiting' && item.user === user) void attempt(item.id);
    },
    confirmedByReading: (result) => typeof result === 'object' && result !== null && confirmed.has(result),
    onRecovered(listener) {
      recoveredListeners.add(listener);
      return () => recoveredListeners.delete(listener);
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
