import { z } from 'zod';
import type { JournalRecord } from '../domain/task';

export type { JournalAction } from '../domain/task';

/** One thing this station did to the portal, as it was before and after (written by the outbox). */
export interface JournalEntry extends JournalRecord {
  id: number;
}

export type NewJournalEntry = JournalRecord;

export interface StationJournal {
  /** Adds an entry; an entry with the `key` of one already kept is not added twice. */
  append(entry: NewJournalEntry): Promise<JournalEntry>;
  /** Newest first. */
  list(): Promise<JournalEntry[]>;
}

const DB = 'specimen-linker-journal';
const STORE = 'entries';
const BY_KEY = 'by-key';

const value = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const fields = z.record(z.string(), z.string().nullable());
const common = {
  id: z.number(),
  at: z.string(),
  user: z.string(),
  collid: z.number(),
  action: z.enum(['link', 'accession', 'status', 'merge', 'escalation', 'resolution', 'undo', 'comment']),
  occid: z.number(),
  barcode: z.string().nullable(),
  before: fields,
  after: fields,
  outcome: z.enum(['done', 'failed']),
  mergedRecords: z
    .object({
      legacy: z.object({ occid: z.number() }).catchall(z.unknown()),
      skeletal: z.object({ occid: z.number() }).catchall(z.unknown()),
    })
    .optional(),
  undoes: z.number().optional(),
  key: z.string().optional(),
  confirmedByReading: z.boolean().optional(),
};
const entrySchema = z.object({
  ...common,
  said: z.object({ code: z.string(), values: z.record(z.string(), value).optional() }),
});
/** Version 1 kept an English sentence; it is kept as a value, shown as it was written. */
const entryV1Schema = z.object({ ...common, message: z.string() });

/** An entry as stored, in either version; null when it is neither. */
export function parseJournalEntry(stored: unknown): JournalEntry | null {
  const v2 = entrySchema.safeParse(stored);
  if (v2.success) return v2.data as unknown as JournalEntry;
  const v1 = entryV1Schema.safeParse(stored);
  if (!v1.success) return null;
  const { message, ...rest } = v1.data;
  return {
    ...rest,
    said: { code: 'journal.stored-text', values: { text: message } },
  } as unknown as JournalEntry;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('The station journal could not be written.'));
  });
}

/** The journal in this browser's IndexedDB: it survives reloads and logouts on this station. */
export function indexedDbJournal(factory: IDBFactory = indexedDB, name = DB): StationJournal {
  let db: Promise<IDBDatabase> | null = null;
  const open = () =>
    (db ??= new Promise((resolve, reject) => {
      const r = factory.open(name, 2);
      r.onupgradeneeded = (event) => {
        const store =
          event.oldVersion < 1
            ? r.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true })
            : r.transaction!.objectStore(STORE);
        // Version 2: entries written by the outbox carry their task and step, so none is kept twice.
        store.createIndex(BY_KEY, 'key', { unique: true });
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('The station journal could not be opened.'));
    }));
  return {
    async append(entry) {
      const store = (await open()).transaction(STORE, 'readwrite').objectStore(STORE);
      if (entry.key !== undefined) {
        const kept = await request(store.index(BY_KEY).get(entry.key));
        if (kept) return parseJournalEntry(kept)!;
      }
      const id = await request(store.add(entry));
      return { ...entry, id: Number(id) };
    },
    async list() {
      const store = (await open()).transaction(STORE, 'readonly').objectStore(STORE);
      const all = (await request(store.getAll())) as unknown[];
      return all
        .map(parseJournalEntry)
        .filter((e): e is JournalEntry => e !== null)
        .reverse();
    },
  };
}

/** For browsers without IndexedDB: kept for this page only, and it says so. */
export function memoryJournal(): StationJournal & { persistent: false } {
  const entries: JournalEntry[] = [];
  return {
    persistent: false,
    async append(entry) {
      const kept = entry.key === undefined ? undefined : entries.find((e) => e.key === entry.key);
      if (kept) return kept;
      const saved = { ...entry, id: entries.length + 1 };
      entries.push(saved);
      return saved;
    },
    async list() {
      return [...entries].reverse();
    },
  };
}

export function openStationJournal(): StationJournal {
  return typeof indexedDB === 'undefined' ? memoryJournal() : indexedDbJournal();
}
