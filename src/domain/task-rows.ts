import { said, type Said } from './said';
import { taskOutcome, type Decision, type Task } from './task';

/** Where a specimen of "This session" stands, as its row says. */
export type RowState = 'saving' | 'linked' | 'merged' | 'escalated' | 'resolved' | 'undone' | 'failed';

/** One row of "This session": a task as a technician reads it (words as codes). */
export interface TaskRow {
  id: string;
  barcode: string | null;
  occid: number | null;
  label: Said;
  state: RowState;
  /** What was decided is in the portal, but a write that follows is not: still waiting, or failed for good. */
  problemAfter: 'pending' | 'failed' | null;
  /** What the row says beside its state: the record it ended on, or which write is not done. */
  note: Said | null;
  /** Why: what the portal said, when something went wrong or waits. */
  problem: Said | null;
  /** What to do about it, for a decision the portal did not take. */
  next: Said | null;
  /** The task waits for the network or a login, with its next try. */
  waitingFor: 'network' | 'login' | null;
  nextTryAt: number | null;
  /** Retry tries the same task again (read first). */
  retryable: boolean;
  /** The deciding screen can take it up again (a barcode the portal refused). */
  reopenable: boolean;
  at: number;
}

const DONE_STATE: Record<Decision['kind'], RowState> = {
  link: 'linked',
  accession: 'linked',
  merge: 'merged',
  escalation: 'escalated',
  resolution: 'resolved',
  undo: 'undone',
  single: 'linked',
};

export function taskLabel(d: Decision): Said {
  switch (d.kind) {
    case 'link':
      return said('task.label.link', {
        accession: d.specimen.accession,
        collector: d.specimen.collector,
        occid: d.specimen.occid,
      });
    case 'accession':
      return said('task.label.accession', { accession: d.accession });
    case 'merge':
      return said('task.label.merge', { target: d.target, accession: d.accession });
    case 'escalation':
      return said(`task.label.escalation.${d.reason}`, { accession: d.accession });
    case 'resolution':
      return said(`task.label.resolution.${d.resolution}`, {
        value: d.value,
        into: d.into,
        barcode: d.barcode,
        occid: d.occid,
      });
    case 'undo':
      return said('task.label.undo', { undoes: d.undoes });
    case 'single':
      return said(`task.label.single.${d.intent.kind}`, {
        occid: 'occid' in d.intent ? d.intent.occid : d.intent.kind === 'merge' ? d.intent.target : null,
      });
  }
}

function barcodeOf(task: Task): string | null {
  const d = task.decision;
  if (d.kind === 'single')
    return d.intent.kind === 'barcode' || d.intent.kind === 'create' ? d.intent.barcode : null;
  return d.barcode;
}

function occidOf(task: Task): number | null {
  const first = task.steps[0];
  if (first?.resultOccid !== null && first?.resultOccid !== undefined) return first.resultOccid;
  const d = task.decision;
  switch (d.kind) {
    case 'merge':
      return d.target;
    case 'single':
      return 'occid' in d.intent ? d.intent.occid : null;
    default:
      return d.occid;
  }
}

/** What the row says beside its state: the record it ended on, or which write is not (yet) done. */
function noteOf(task: Task): Said | null {
  const outcome = taskOutcome(task);
  switch (outcome.kind) {
    case 'working':
    case 'refused':
    case 'needs-decision':
      return null;
    case 'done': {
      const first = task.steps[0]!;
      return said(`task.note.done.${task.decision.kind}`, {
        occid: occidOf(task),
        confirmedByReading: outcome.confirmedByReading,
        images: first.resultImages ?? 0,
        status: first.after?.['processingstatus'] ?? null,
        putBack: task.steps.find((s) => s.onlyIfNeeded)?.state ?? null,
      });
    }
    case 'done-with-problem': {
      // The first write that is not done after the decision: a comment, or the status put back.
      const step = task.steps.slice(1).find((st) => st.state !== 'done' && st.state !== 'skipped');
      const intent = step?.intent;
      const which = intent?.kind === 'comment' ? 'comment' : 'status';
      const occid =
        intent && intent.kind !== 'merge' && intent.kind !== 'create'
          ? intent.occid === 'previous'
            ? occidOf(task)
            : intent.occid
          : occidOf(task);
      return said(`task.note.${which}-${outcome.pending ? 'pending' : 'failed'}`, {
        occid,
        status: intent?.kind === 'status' && intent.status !== '' ? intent.status : null,
        merged: task.steps[0]?.after?.['processingstatus'] ?? null,
      });
    }
  }
}

/** Why a row is not done: the portal's words (or the replay's), as codes. */
function problemOf(task: Task): Said | null {
  const outcome = taskOutcome(task);
  return outcome.kind === 'done' ? null : outcome.problem;
}

function nextOf(task: Task): Said | null {
  const kind = task.steps.find((st) => st.problemKind !== null)?.problemKind;
  if (!kind) return null;
  // A barcode the portal refused is taken up again where it was scanned.
  return said(
    kind === 'barcode-in-use' && task.reopen !== null
      ? 'portal.next.barcode-in-use-reopen'
      : `portal.next.${kind}`,
  );
}

/** Every part of what a row says, in order: its note, the portal's words, what to do next. */
export const rowWords = (row: Pick<TaskRow, 'note' | 'problem' | 'next'>): Said[] =>
  [row.note, row.problem, row.next].filter((w): w is Said => w !== null);

export function taskRow(task: Task): TaskRow {
  const outcome = taskOutcome(task);
  const state: RowState =
    outcome.kind === 'working'
      ? 'saving'
      : outcome.kind === 'done' || outcome.kind === 'done-with-problem'
        ? DONE_STATE[task.decision.kind]
        : 'failed';
  const stopped = outcome.kind === 'refused' || outcome.kind === 'needs-decision';
  return {
    id: task.id,
    barcode: barcodeOf(task),
    occid: occidOf(task),
    label: taskLabel(task.decision),
    state,
    problemAfter: outcome.kind === 'done-with-problem' ? (outcome.pending ? 'pending' : 'failed') : null,
    note: noteOf(task),
    problem: problemOf(task),
    next: stopped ? nextOf(task) : null,
    waitingFor: outcome.kind === 'working' ? outcome.waitingFor : null,
    nextTryAt: outcome.kind === 'working' ? outcome.nextTryAt : null,
    retryable: stopped || (outcome.kind === 'done-with-problem' && !outcome.pending),
    reopenable: stopped && task.reopen !== null,
    at: task.steps[0]?.settledAt ?? task.createdAt,
  };
}

/** "This session" of a screen: the tasks its user decided there since the session began, newest first. */
export function sessionRows(tasks: Task[], screen: Task['screen'], user: string, since: number): TaskRow[] {
  return tasks
    .filter((t) => t.screen === screen && t.user === user && t.createdAt >= since)
    .sort((a, b) => b.createdAt - a.createdAt)
    .map(taskRow);
}
