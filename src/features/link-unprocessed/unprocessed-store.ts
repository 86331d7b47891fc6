import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EscalationReason } from '../../domain/escalation';
import type { MergePreview } from '../../domain/merge-preview';
import type { RecordSummary } from '../../domain/occurrence';
import type { Said } from '../../domain/said';
import type { Told } from '../../i18n/told';
import type { Duplicate, DuplicateCheck } from './find-duplicates';

/** What the technician is doing with the current record. */
export type Step =
  | { kind: 'enter' }
  | { kind: 'checking' }
  | { kind: 'compare'; check: DuplicateCheck; legacy: Duplicate; preview: MergePreview }
  | {
      kind: 'escalate';
      reason: EscalationReason | null;
      accession: string | null;
      duplicates: Duplicate[];
      back: Step;
      /** What the note starts with (e.g. which barcode the image shows). */
      note?: string;
    }
  | { kind: 'merging'; check: DuplicateCheck; legacy: Duplicate; preview: MergePreview }
  /** The merge task is decided: its target, and what its row says (a put-back that failed is a warning). */
  | { kind: 'merged'; target: number; note: Said[]; problem: boolean };

export interface Notice {
  tone: 'info' | 'success' | 'warning' | 'error';
  /** What it says, as codes: worded when shown, in the station's language. */
  words: Told[];
  /** Set while the notice announces a task, so its outcome can replace it. */
  taskId?: string;
}

export interface UnprocessedState {
  /** Barcode of the last record left behind (handled or skipped); the queue resumes after it. */
  cursor: string | null;
  /** The records coming up, fetched from the portal after a cursor; the first is on screen. */
  buffer: RecordSummary[];
  /** Records after the fetch cursor when the buffer was last filled, and how many were taken since. */
  fetched: { total: number; taken: number } | null;
  /** Records left in the whole queue, as the portal last counted them. */
  totalLeft: number | null;
  loading: boolean;
  /** Set when reading the queue failed; cleared by Retry. Stops the screen from asking again by itself. */
  queueError: Said[] | null;
  accession: string;
  step: Step;
  notice: Notice | null;
  /** Records left for later this session (no task: nothing was written). */
  skipped: number;
}

export interface UnprocessedEvents {
  queueLoaded(records: RecordSummary[], total: number, replace: boolean): void;
  queueCounted(totalLeft: number): void;
  queueFailed(words: Said[]): void;
  /** The current record is done with (handled, skipped or changed by someone else): the next one shows. */
  recordLeft(note: Notice | null, skipped: boolean): void;
  /** A decision on the current record is a task (`taskId`): the next record shows, the notice announces it. */
  recordHandedOver(taskId: string, note: Told): void;
  /** The task behind the notice was decided: its outcome replaces the notice (a failure always shows). */
  taskDecided(taskId: string, tone: Notice['tone'], words: Told[]): void;
  accessionTyped(value: string): void;
  checkStarted(): void;
  checkFinished(): void;
  stepChanged(step: Step): void;
  noticeShown(notice: Notice | null): void;
  /** Back to the first record of the queue: records left for later come round again. */
  queueRestarted(): void;
}

export type UnprocessedStore = StoreApi<UnprocessedState & UnprocessedEvents>;

const cursorKey = (collid: number) => `specimen-linker.option2.cursor.${collid}`;

/** One store per station (made by the app): the queue position survives moving between screens and reloads. */
export function createUnprocessedStore(collection: number): UnprocessedStore {
  const collid = () => collection;
  const savedCursor = () => localStorage.getItem(cursorKey(collection));
  return createStore<UnprocessedState & UnprocessedEvents>()((set, get) => ({
    cursor: savedCursor(),
    buffer: [],
    fetched: null,
    totalLeft: null,
    loading: false,
    queueError: null,
    accession: '',
    step: { kind: 'enter' },
    notice: null,
    skipped: 0,

    queueLoaded: (records, total, replace) =>
      set((s) => {
        const known = new Set(replace ? [] : s.buffer.map((r) => r.occid));
        const buffer = [...(replace ? [] : s.buffer), ...records.filter((r) => !known.has(r.occid))];
        return {
          buffer,
          fetched: replace ? { total, taken: 0 } : s.fetched,
          loading: false,
          queueError: null,
        };
      }),
    queueCounted: (totalLeft) => set({ totalLeft }),
    queueFailed: (words) => set({ loading: false, queueError: words, notice: { tone: 'error', words } }),
    recordLeft: (note, skipped) =>
      set((s) => {
        const [left, ...rest] = s.buffer;
        if (!left) return {};
        if (left.catalogNumber) localStorage.setItem(cursorKey(collid()), left.catalogNumber);
        return {
          buffer: rest,
          cursor: left.catalogNumber ?? s.cursor,
          fetched: s.fetched ? { ...s.fetched, taken: s.fetched.taken + 1 } : null,
          accession: '',
          step: { kind: 'enter' },
          notice: note,
          skipped: s.skipped + (skipped ? 1 : 0),
        };
      }),
    recordHandedOver: (taskId, note) => {
      get().recordLeft({ tone: 'info', words: [note], taskId }, false);
    },
    taskDecided: (taskId, tone, words) =>
      set((s) => (tone === 'error' || s.notice?.taskId === taskId ? { notice: { tone, words } } : {})),
    accessionTyped: (accession) => set({ accession }),
    checkStarted: () => set({ step: { kind: 'checking' }, notice: null }),
    checkFinished: () => set((s) => (s.step.kind === 'checking' ? { step: { kind: 'enter' } } : {})),
    stepChanged: (step) => set({ step }),
    noticeShown: (notice) => set({ notice }),
    queueRestarted: () => {
      localStorage.removeItem(cursorKey(collid()));
      set({ cursor: null, buffer: [], fetched: null, step: { kind: 'enter' }, accession: '', notice: null });
    },
  }));
}

/** "37 of 1,204 left": the current record's place among all records still in the queue. */
export function queuePosition(s: Pick<UnprocessedState, 'fetched' | 'totalLeft' | 'buffer'>) {
  if (s.totalLeft === null || s.fetched === null || s.buffer.length === 0) return null;
  const fromHere = Math.max(1, s.fetched.total - s.fetched.taken);
  return { position: Math.max(1, s.totalLeft - fromHere + 1), left: s.totalLeft };
}
