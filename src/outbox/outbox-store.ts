import { openDB, type IDBPDatabase } from 'idb';
import { isSettled, type OutboxItem } from '../domain/outbox';

/** Where the outbox keeps its writes: IndexedDB on a station, memory in tests and old browsers. */
export interface OutboxStore {
  readonly durable: boolean;
  put(item: OutboxItem): Promise<void>;
  get(id: string): Promise<OutboxItem | undefined>;
  all(): Promise<OutboxItem[]>;
  remove(ids: string[]): Promise<void>;
}

const DB = 'specimen-linker-outbox';
const STORE = 'writes';

/** The outbox in this browser's IndexedDB: it survives reloads, crashes and closing the tab. */
export function indexedDbOutbox(name = DB): OutboxStore {
  let db: Promise<IDBPDatabase> | null = null;
  const open = () =>
    (db ??= openDB(name, 1, {
      upgrade(database) {
        database.createObjectStore(STORE, { keyPath: 'id' });
      },
    }));
  return {
    durable: true,
    async put(item) {
      await (await open()).put(STORE, item);
    },
    async get(id) {
      return (await (await open()).get(STORE, id)) as OutboxItem | undefined;
    },
    async all() {
      return (await (await open()).getAll(STORE)) as OutboxItem[];
    },
    async remove(ids) {
      const tx = (await open()).transaction(STORE, 'readwrite');
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
    },
  };
}

export function memoryOutbox(): OutboxStore {
  const items = new Map<string, OutboxItem>();
  return {
    durable: false,
    async put(item) {
      items.set(item.id, structuredClone(item));
    },
    async get(id) {
      const item = items.get(id);
      return item && structuredClone(item);
    },
    async all() {
      return [...items.values()].map((i) => structuredClone(i));
    },
    async remove(ids) {
      for (const id of ids) items.delete(id);
    },
  };
}

export function openOutboxStore(): OutboxStore {
  return typeof indexedDB === 'undefined' ? memoryOutbox() : indexedDbOutbox();
}

/** Settled writes are kept a day for the screens; the journal keeps them for good. */
export const KEEP_SETTLED_MS = 24 * 60 * 60 * 1000;

export const expired = (items: OutboxItem[], now: number) =>
  items.filter((i) => isSettled(i) && i.settledAt !== null && now - i.settledAt > KEEP_SETTLED_MS).map((i) => i.id);
