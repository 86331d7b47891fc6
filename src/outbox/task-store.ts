import { openDB, type IDBPDatabase } from 'idb';
import { z } from 'zod';
import type { OutboxItem, WriteIntent } from '../domain/outbox';
import type { Task, TaskScreen, TaskStep } from '../domain/task';

/** Where the outbox keeps its tasks: IndexedDB on a station, memory in tests and old browsers. */
export interface TaskStore {
  readonly durable: boolean;
  put(task: Task): Promise<void>;
  get(id: string): Promise<Task | undefined>;
  all(): Promise<Task[]>;
  remove(ids: string[]): Promise<void>;
}

const value = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const saidSchema = z.object({ code: z.string(), values: z.record(z.string(), value).optional() });
const fieldValues = z.record(z.string(), z.string().nullable());
const status = z.string().nullable();

const intentSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('barcode'),
    collid: z.number(),
    occid: z.number(),
    barcode: z.string(),
    status,
  }),
  z.object({
    kind: z.literal('accession'),
    collid: z.number(),
    occid: z.number(),
    accession: z.string(),
    status,
  }),
  z.object({ kind: z.literal('status'), collid: z.number(), occid: z.number(), status: z.string() }),
  z.object({
    kind: z.literal('restore'),
    collid: z.number(),
    occid: z.number(),
    changes: z.array(
      z.object({
        field: z.enum(['catalognumber', 'processingstatus']),
        wrote: z.string().nullable(),
        previous: z.string().nullable(),
      }),
    ),
  }),
  z.object({ kind: z.literal('merge'), collid: z.number(), source: z.number(), target: z.number() }),
  z.object({
    kind: z.literal('create'),
    collid: z.number(),
    barcode: z.string(),
    status: z.string(),
    enteredBy: z.string(),
  }),
  z.object({
    kind: z.literal('comment'),
    occid: z.union([z.number(), z.literal('previous')]),
    text: z.string(),
  }),
]);

/** Records are kept as the adapter read them (JSON); their shape is the domain's, checked loosely here. */
const recordSchema = z.object({ occid: z.number(), collid: z.number() }).catchall(z.unknown());

const stepSchema = z.object({
  intent: intentSchema,
  followUp: z.boolean(),
  onlyIfNeeded: z.boolean(),
  state: z.enum(['pending', 'waiting', 'sending', 'done', 'skipped', 'refused', 'needs-decision']),
  waitingFor: z.enum(['network', 'login']).nullable(),
  attempts: z.number(),
  nextTryAt: z.number().nullable(),
  problem: saidSchema.nullable(),
  problemKind: z.string().nullable(),
  confirmedByReading: z.boolean(),
  before: fieldValues.nullable(),
  after: fieldValues.nullable(),
  resultOccid: z.number().nullable(),
  resultImages: z.number().nullable(),
  mergedRecords: z.object({ legacy: recordSchema, skeletal: recordSchema }).nullable(),
  settledAt: z.number().nullable(),
  journaled: z.boolean(),
});

const specimen = z.object({
  accession: z.string().nullable(),
  collector: z.string().nullable(),
  occid: z.number(),
});
const barcode = z.string().nullable();

const decisionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('link'), occid: z.number(), barcode: z.string(), specimen }),
  z.object({ kind: z.literal('accession'), occid: z.number(), barcode, accession: z.string() }),
  z.object({
    kind: z.literal('merge'),
    source: z.number(),
    target: z.number(),
    barcode,
    accession: z.string(),
  }),
  z.object({
    kind: z.literal('escalation'),
    occid: z.number().nullable(),
    barcode,
    reason: z.string(),
    accession: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('resolution'),
    occid: z.number(),
    barcode,
    resolution: z.enum(['merge', 'accession', 'barcode', 'send-back', 'reviewed']),
    value: z.string().nullable(),
    into: z.number().nullable(),
  }),
  z.object({ kind: z.literal('undo'), occid: z.number(), barcode, undoes: z.number() }),
  z.object({ kind: z.literal('single'), intent: intentSchema }),
]);

/** A stored task, version 2; anything else is not a task of this station. */
export const taskSchema = z.object({
  version: z.literal(2),
  id: z.string(),
  user: z.string(),
  collid: z.number(),
  screen: z.enum(['imaging', 'unprocessed', 'review', 'journal']),
  decision: decisionSchema,
  steps: z.array(stepSchema).min(1),
  createdAt: z.number(),
  settledAt: z.number().nullable(),
  reopen: z.unknown(),
});

/** Reads a stored task; one the station cannot read is left where it is and said, never guessed at. */
export function parseTask(stored: unknown): Task | null {
  const parsed = taskSchema.safeParse(stored);
  // The schema checks every stored field; the domain types are what it checks them against.
  return parsed.success ? (parsed.data as unknown as Task) : null;
}

/** A write the station stored before it kept tasks (version 1, docs/decisions/010). */
const itemSchema = z.object({
  id: z.string(),
  user: z.string(),
  intent: intentSchema,
  state: z.enum(['waiting', 'sending', 'done', 'refused', 'needs-decision']),
  waitingFor: z.enum(['network', 'login']).nullable(),
  attempts: z.number(),
  nextTryAt: z.number().nullable(),
  message: z.string().nullable(),
  confirmedByReading: z.boolean(),
  createdAt: z.number(),
  settledAt: z.number().nullable(),
  resultOccid: z.number().nullable(),
});

const SCREEN_OF: Record<WriteIntent['kind'], TaskScreen> = {
  barcode: 'imaging',
  create: 'imaging',
  accession: 'unprocessed',
  merge: 'unprocessed',
  status: 'review',
  restore: 'journal',
  comment: 'review',
};

/**
 * A version 1 write as a task of one step: what the station then stored (its intent, where it stood, the
 * portal's last words, which were English) is kept; the decision behind it was not stored, so it is `single`.
 */
export function migrateItem(stored: unknown): Task | null {
  const parsed = itemSchema.safeParse(stored);
  if (!parsed.success) return null;
  const item = parsed.data as OutboxItem;
  const intent = item.intent;
  const step: TaskStep = {
    intent,
    followUp: false,
    onlyIfNeeded: false,
    state: item.state,
    waitingFor: item.waitingFor,
    attempts: item.attempts,
    nextTryAt: item.nextTryAt,
    problem:
      item.message === null ? null : { code: 'task.problem.stored-text', values: { text: item.message } },
    problemKind: null,
    confirmedByReading: item.confirmedByReading,
    before: null,
    after: null,
    resultOccid: item.resultOccid,
    resultImages: null,
    mergedRecords: null,
    settledAt: item.settledAt,
    // Version 1 journaled what a screen saw; a write settled before the upgrade is taken as journaled.
    journaled: item.settledAt !== null,
  };
  return {
    version: 2,
    id: item.id,
    user: item.user,
    collid: 'collid' in intent ? intent.collid : 0,
    screen: SCREEN_OF[intent.kind],
    decision: { kind: 'single', intent },
    steps: [step],
    createdAt: item.createdAt,
    settledAt: item.settledAt,
    reopen: null,
  };
}

const DB = 'specimen-linker-outbox';
const TASKS = 'tasks';
/** Version 1 kept one write per item in `writes`. */
const WRITES = 'writes';

/** The outbox in this browser's IndexedDB: it survives reloads, crashes and closing the tab. */
export function indexedDbTaskStore(name = DB): TaskStore {
  let db: Promise<IDBPDatabase> | null = null;
  const open = () =>
    (db ??= openDB(name, 2, {
      async upgrade(database, oldVersion, _newVersion, tx) {
        const tasks = database.createObjectStore(TASKS, { keyPath: 'id' });
        if (oldVersion < 1) return;
        // Writes waiting in a station's outbox when it is upgraded become tasks, and go out as before.
        const old = tx.objectStore(WRITES);
        for (const item of await old.getAll()) {
          const task = migrateItem(item);
          if (task) await tasks.put(task);
        }
        database.deleteObjectStore(WRITES);
      },
    }));
  const read = (stored: unknown) => parseTask(stored) ?? undefined;
  return {
    durable: true,
    async put(task) {
      await (await open()).put(TASKS, task);
    },
    async get(id) {
      return read(await (await open()).get(TASKS, id));
    },
    async all() {
      const all = (await (await open()).getAll(TASKS)) as unknown[];
      return all.map(read).filter((t): t is Task => t !== undefined);
    },
    async remove(ids) {
      const tx = (await open()).transaction(TASKS, 'readwrite');
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    },
  };
}

export function memoryTaskStore(): TaskStore {
  const tasks = new Map<string, Task>();
  return {
    durable: false,
    async put(task) {
      tasks.set(task.id, structuredClone(task));
    },
    async get(id) {
      const task = tasks.get(id);
      return task && structuredClone(task);
    },
    async all() {
      return [...tasks.values()].map((t) => structuredClone(t));
    },
    async remove(ids) {
      for (const id of ids) tasks.delete(id);
    },
  };
}

export function openTaskStore(): TaskStore {
  return typeof indexedDB === 'undefined' ? memoryTaskStore() : indexedDbTaskStore();
}

/** Settled tasks are kept a day for the screens' "This session"; the journal keeps them for good. */
export const KEEP_SETTLED_MS = 24 * 60 * 60 * 1000;

export const expired = (tasks: Task[], now: number) =>
  tasks.filter((t) => t.settledAt !== null && now - t.settledAt > KEEP_SETTLED_MS).map((t) => t.id);
