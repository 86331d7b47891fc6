import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EscalationReason } from '../../domain/escalation';
import type { Told } from '../../i18n/told';
import type { Candidate, SearchOutcome, SheetQuery } from './find-record';

export type FindMode = 'stamp' | 'no-stamp';

/** Where the technician is with the specimen in hand. */
export type Step =
  | { kind: 'find' }
  | { kind: 'searching' }
  /** No record, or several to choose from. */
  | { kind: 'results'; search: SearchOutcome; highlighted: number }
  | { kind: 'confirm'; search: SearchOutcome; candidate: Candidate }
  | { kind: 'scan'; search: SearchOutcome; candidate: Candidate }
  | {
      kind: 'escalate';
      search: SearchOutcome;
      reason: EscalationReason | null;
      /** The records the supervisor should look at (the mismatching or already-barcoded one, or all found). */
      candidates: Candidate[];
      /** Where Esc goes back to. */
      back: Step;
    };

/** What the deciding screen keeps in a link task to reopen it at the scan step (Task.reopen). */
export interface LinkReopen {
  candidate: Candidate;
  search: SearchOutcome | null;
}

export interface Notice {
  tone: 'info' | 'success' | 'warning' | 'error';
  /** What it says, as codes: worded when shown, in the station's language. */
  words: Told[];
  /** Set while the notice reports a link still being saved (its task), so its outcome can replace it. */
  taskId?: string;
}

export interface ImagingState {
  mode: FindMode;
  query: { stamp: string; collector: string; number: string; date: string };
  step: Step;
  /** The one line under the find form: how the last input was read, or what went wrong. */
  notice: Notice | null;
}

export interface ImagingEvents {
  modeToggled(): void;
  queryTyped(field: keyof ImagingState['query'], value: string): void;
  searchStarted(): void;
  searchFailed(words: Told[]): void;
  searchRefused(words: Told[]): void;
  searchFinished(search: SearchOutcome): void;
  candidateHighlighted(index: number): void;
  candidateChosen(candidate: Candidate): void;
  confirmed(): void;
  wentBack(): void;
  escalationOpened(reason: EscalationReason | null, candidates: Candidate[]): void;
  noticeShown(tone: Notice['tone'], words: Told[]): void;
  /** A link is on its way (its task): the next specimen can start. */
  linkSubmitted(taskId: string, notice: Told): void;
  /** The task behind the notice was decided: its outcome replaces the notice (a failure always shows). */
  linkDecided(taskId: string, tone: Notice['tone'], words: Told[]): void;
  /** An escalation was written: back to the find step, with what was done. */
  escalated(words: Told[], tone: Notice['tone']): void;
  /** A refused link goes back to the scan step (a wrong label, a barcode to escalate). */
  linkReopened(reopen: LinkReopen, notice: Told): void;
}

export type ImagingStore = StoreApi<ImagingState & ImagingEvents>;

const emptyQuery = { stamp: '', collector: '', number: '', date: '' };

export function sheetQueryOf(state: Pick<ImagingState, 'mode' | 'query'>): SheetQuery {
  const q = state.query;
  return state.mode === 'stamp'
    ? { kind: 'stamp', stamp: q.stamp }
    : { kind: 'no-stamp', collector: q.collector, number: q.number, date: q.date };
}

/** One store per station, made by the app so the session's links survive moving between screens. */
export function createImagingStore(): ImagingStore {
  return createStore<ImagingState & ImagingEvents>()((set) => ({
    mode: 'stamp',
    query: emptyQuery,
    step: { kind: 'find' },
    notice: null,

    modeToggled: () =>
      set((s) => ({ mode: s.mode === 'stamp' ? 'no-stamp' : 'stamp', step: { kind: 'find' }, notice: null })),
    queryTyped: (field, value) => set((s) => ({ query: { ...s.query, [field]: value } })),
    searchStarted: () => set({ step: { kind: 'searching' }, notice: null }),
    searchFailed: (words) => set({ step: { kind: 'find' }, notice: { tone: 'error', words } }),
    searchRefused: (words) => set({ step: { kind: 'find' }, notice: { tone: 'warning', words } }),
    searchFinished: (search) => {
      const only =
        search.candidates.length === 1 && search.notShown === 0 && !search.candidates[0]?.unreadable
          ? search.candidates[0]
          : undefined;
      set({
        step: only
          ? { kind: 'confirm', search, candidate: only }
          : { kind: 'results', search, highlighted: 0 },
        notice: { tone: search.candidates.length === 0 ? 'warning' : 'info', words: [search.description] },
      });
    },
    candidateHighlighted: (index) =>
      set((s) => (s.step.kind === 'results' ? { step: { ...s.step, highlighted: index } } : {})),
    candidateChosen: (candidate) =>
      set((s) =>
        // A record the station could not read is listed, not linked.
        s.step.kind === 'results' && !candidate.unreadable
          ? { step: { kind: 'confirm', search: s.step.search, candidate } }
          : {},
      ),
    confirmed: () =>
      set((s) =>
        s.step.kind === 'confirm'
          ? { step: { kind: 'scan', search: s.step.search, candidate: s.step.candidate } }
          : {},
      ),
    wentBack: () =>
      set((s) => {
        const step = s.step;
        switch (step.kind) {
          case 'escalate':
            return { step: step.back };
          case 'scan':
            return { step: { kind: 'confirm', search: step.search, candidate: step.candidate } };
          case 'confirm': {
            const several = step.search.candidates.length > 1 || step.search.notShown > 0;
            const index = step.search.candidates.indexOf(step.candidate);
            return several
              ? { step: { kind: 'results', search: step.search, highlighted: Math.max(0, index) } }
              : { step: { kind: 'find' } };
          }
          default:
            return { step: { kind: 'find' } };
        }
      }),
    escalationOpened: (reason, candidates) =>
      set((s) => {
        const step = s.step;
        if (step.kind !== 'results' && step.kind !== 'confirm' && step.kind !== 'scan') return {};
        return { step: { kind: 'escalate', search: step.search, reason, candidates, back: step } };
      }),
    noticeShown: (tone, words) => set({ notice: { tone, words } }),
    linkSubmitted: (taskId, notice) =>
      set({ query: emptyQuery, step: { kind: 'find' }, notice: { tone: 'info', words: [notice], taskId } }),
    linkDecided: (taskId, tone, words) =>
      set((s) =>
        // A failure is always shown; a success only replaces the notice that announced it.
        tone === 'error' || s.notice?.taskId === taskId ? { notice: { tone, words } } : {},
      ),
    escalated: (words, tone) => set({ query: emptyQuery, step: { kind: 'find' }, notice: { tone, words } }),
    linkReopened: (reopen, notice) =>
      set(() =>
        reopen.search
          ? {
              step: { kind: 'scan', search: reopen.search, candidate: reopen.candidate },
              notice: { tone: 'info', words: [notice] },
            }
          : {},
      ),
  }));
}
