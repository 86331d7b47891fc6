import type { SpecimenRecord } from '../domain/occurrence';

export type JournalAction =
  | 'link'
  | 'accession'
  | 'status'
  | 'merge'
  | 'escalation'
  | 'resolution'
  | 'undo'
  | 'comment';

/** One thing this station did to the portal, as it was before and after. */
export interface JournalEntry {
  id: number;
  /** ISO time. */
  at: string;
  user: string;
  collid: number;
  action: JournalAction;
  occid: number;
  barcode: string | null;
  /** The fields written, with their values before and after. */
  before: Record<string, string | null>;
  after: Record<string, string | null>;
  outcome: 'done' | 'failed';
  message: string;
  /**
   * A merge deletes the skeletal record and the portal logs nothing (PROTOCOL §9.5): both records as they
   * were, so an administrator can restore them.
   */
  mergedRecords?: { legacy: SpecimenRecord; skeletal: SpecimenRecord };
  /** For an undo: the entry it undid. */
  undoes?: number;
}

export type NewJournalEntry = Omit<JournalEntry, 'id'>;

export interface StationJournal {
  append(entry: NewJournalEntry): Promise<JournalEntry>;
  /** Newest first. */
  list(): Promise<JournalEntry[]>;
}

const DB = 'specimen-linker-journal';
const STORE = 'entries';

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
      const r = factory.open(name, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('The station journal could not be opened.'));
    }));
  return {
    async append(entry) {
      const store = (await open()).transaction(STORE, 'readwrite').objectStore(STORE);
      const id = await request(store.add(entry));
      return { ...entry, id: Number(id) };
    },
    async list() {
      const store = (await open()).transaction(STORE, 'readonly').objectStore(STORE);
      const all = (await request(store.getAll())) as JournalEntry[];
      return all.reverse();
    },
  };
}

/** For browsers without IndexedDB: kept for this page only, and it says so. */
export function memoryJournal(): StationJournal & { persistent: false } {
  const entries: JournalEntry[] = [];
  return {
    persistent: false,
    async append(entry) {
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

/** Journal writes never stop the work: a failure is reported, the portal write stands. */
export async function keepInJournal(
  journal: StationJournal,
  entry: NewJournalEntry,
  onFailure: (message: string) => void,
): Promise<void> {
  try {
    await journal.append(entry);
  } catch (error) {
    onFailure(
      `The station journal could not record ${entry.action} of record ${entry.occid} (${
        error instanceof Error ? error.message : String(error)
      }). The portal change itself is saved.`,
    );
  }
}
