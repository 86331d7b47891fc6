import type { RestoreChange, WriteIntent } from './outbox';
import { said, type Said } from './said';
import type { SpecimenRecord } from './occurrence';
import type { EscalationReason } from './escalation';

/**
 * What a person decided, as one task: an ordered list of writes (docs/decisions/012). The outbox stores it,
 * runs it, journals every step that reached the portal, and is what every screen reads. Everything here is
 * stored, so it holds codes and values, never sentences.
 */
export type StepState = 'pending' | 'waiting' | 'sending' | 'done' | 'skipped' | 'refused' | 'needs-decision';

/** Fields of a record as the adapter read them just before and just after a write (`catalognumber`, …). */
export type FieldValues = Record<string, string | null>;

/** A write of a task. A comment's record may be the one the step before it ended on (a created record). */
export type StepIntent =
  Exclude<WriteIntent, { kind: 'comment' }> | { kind: 'comment'; occid: number | 'previous'; text: string };

export interface TaskStep {
  intent: StepIntent;
  /** A comment that follows a change never undoes it: its failure is a problem of the task, not a refusal. */
  followUp: boolean;
  /** Put a status back only when the step before left another one (the merge fills empty fields, rec. 10a). */
  onlyIfNeeded: boolean;
  state: StepState;
  /** Why it waits: the portal did not answer, or the session ended. */
  waitingFor: 'network' | 'login' | null;
  attempts: number;
  /** When the next automatic try is due (ms since the epoch). */
  nextTryAt: number | null;
  problem: Said | null;
  /** What kind of problem (a portal error's kind): what to do next follows from it. */
  problemKind: string | null;
  /** Found already in the portal when read after an unclear answer. */
  confirmedByReading: boolean;
  before: FieldValues | null;
  after: FieldValues | null;
  /** The record the step ended on (a created record's number, the merge's target). */
  resultOccid: number | null;
  /** How many images that record has (a barcode linked to a record that already had one is said). */
  resultImages: number | null;
  /** Both records as they were, for a merge (the portal logs nothing, PROTOCOL §9.5). */
  mergedRecords: { legacy: SpecimenRecord; skeletal: SpecimenRecord } | null;
  settledAt: number | null;
  /** Its journal entry is written (so it is never written twice). */
  journaled: boolean;
}

/** How a technician recognises a specimen: its stamp, collector and number, or its record. */
export interface SpecimenName {
  accession: string | null;
  collector: string | null;
  occid: number;
}

export type Resolution = 'merge' | 'accession' | 'barcode' | 'send-back' | 'reviewed';

export type Decision =
  /** Option 1: a new barcode into Catalog Number. */
  | { kind: 'link'; occid: number; barcode: string; specimen: SpecimenName }
  /** Option 2: the stamped number onto an image record. */
  | { kind: 'accession'; occid: number; barcode: string | null; accession: string }
  /** Option 2: the image record merged into its legacy record. */
  | { kind: 'merge'; source: number; target: number; barcode: string | null; accession: string }
  /** Handed to a supervisor: a new record (Option 1) or the image record's status (Option 2). */
  | {
      kind: 'escalation';
      occid: number | null;
      barcode: string | null;
      reason: EscalationReason;
      accession: string | null;
    }
  /** A supervisor's decision on a case. */
  | {
      kind: 'resolution';
      occid: number;
      barcode: string | null;
      resolution: Resolution;
      value: string | null;
      into: number | null;
    }
  | { kind: 'undo'; occid: number; barcode: string | null; undoes: number }
  /** A write an earlier version of the station stored, whose decision it did not keep (migrated). */
  | { kind: 'single'; intent: WriteIntent };

export type TaskScreen = 'imaging' | 'unprocessed' | 'review' | 'journal';

export interface Task {
  version: 2;
  id: string;
  /** The portal user who decided it; it is only ever sent under that login. */
  user: string;
  collid: number;
  /** The screen whose "This session" shows it. */
  screen: TaskScreen;
  decision: Decision;
  steps: TaskStep[];
  createdAt: number;
  settledAt: number | null;
  /** What the deciding screen needs to reopen the decision (Option 1: the record and the search); opaque. */
  reopen: unknown;
}

export interface StepDraft {
  intent: StepIntent;
  followUp?: boolean;
  onlyIfNeeded?: boolean;
}

export interface TaskDraft {
  screen: TaskScreen;
  collid: number;
  decision: Decision;
  steps: StepDraft[];
  reopen?: unknown;
  /** For a merge: both records as they were, journaled with it. */
  mergedRecords?: { legacy: SpecimenRecord; skeletal: SpecimenRecord };
}

export function newTask(draft: TaskDraft, id: string, user: string, now: number): Task {
  return {
    version: 2,
    id,
    user,
    collid: draft.collid,
    screen: draft.screen,
    decision: draft.decision,
    steps: draft.steps.map((s) => ({
      intent: s.intent,
      followUp: s.followUp ?? false,
      onlyIfNeeded: s.onlyIfNeeded ?? false,
      state: 'pending',
      waitingFor: null,
      attempts: 0,
      nextTryAt: now,
      problem: null,
      problemKind: null,
      confirmedByReading: false,
      before: null,
      after: null,
      resultOccid: null,
      resultImages: null,
      mergedRecords: s.intent.kind === 'merge' ? (draft.mergedRecords ?? null) : null,
      settledAt: null,
      journaled: false,
    })),
    createdAt: now,
    settledAt: null,
    reopen: draft.reopen ?? null,
  };
}

export const stepSettled = (s: Pick<TaskStep, 'state'>) =>
  s.state === 'done' || s.state === 'skipped' || s.state === 'refused' || s.state === 'needs-decision';

const stepStopsTask = (s: Pick<TaskStep, 'state'>) => s.state === 'refused' || s.state === 'needs-decision';

/** The step to run next: the first one not settled, unless an earlier one stopped the task. */
export function nextStep(task: Task): number | null {
  for (const [i, step] of task.steps.entries()) {
    if (stepStopsTask(step) && !step.followUp) return null;
    if (!stepSettled(step)) return i;
  }
  return null;
}

export const taskSettled = (task: Task) =>
  nextStep(task) === null && task.steps.every((s) => s.state !== 'sending');

/** Where a task stands, as the screens say it. */
export type TaskOutcome =
  /** Still going: waiting for the network, a login, or its turn. */
  | {
      kind: 'working';
      waitingFor: 'network' | 'login' | null;
      problem: Said | null;
      nextTryAt: number | null;
    }
  /** Every write is in the portal. */
  | { kind: 'done'; confirmedByReading: boolean }
  /** What was decided is in the portal, but a later write is not (yet): the put-back status, the comment. */
  | { kind: 'done-with-problem'; problem: Said; pending: boolean }
  /** Nothing was written: the portal refused, or it holds something else now and a person decides. */
  | { kind: 'refused'; problem: Said }
  | { kind: 'needs-decision'; problem: Said };

export function taskOutcome(task: Task): TaskOutcome {
  const first = task.steps[0];
  if (!first) return { kind: 'done', confirmedByReading: false };
  if (first.state === 'refused')
    return { kind: 'refused', problem: first.problem ?? said('task.problem.unknown') };
  if (first.state === 'needs-decision')
    return { kind: 'needs-decision', problem: first.problem ?? said('task.problem.unknown') };
  if (!stepSettled(first))
    return {
      kind: 'working',
      waitingFor: first.waitingFor,
      problem: first.problem,
      nextTryAt: first.nextTryAt,
    };
  // The decision is in the portal; what follows either is too, or is said as a problem.
  for (const step of task.steps.slice(1)) {
    if (stepStopsTask(step))
      return {
        kind: 'done-with-problem',
        problem: step.problem ?? said('task.problem.unknown'),
        pending: false,
      };
    if (!stepSettled(step)) {
      // Once it has failed, a write after the decision is a problem of the task (pending while it retries).
      if (step.problem !== null)
        return {
          kind: 'done-with-problem',
          problem: step.problem,
          pending: true,
        };
      return {
        kind: 'working',
        waitingFor: step.waitingFor,
        problem: step.problem,
        nextTryAt: step.nextTryAt,
      };
    }
  }
  return { kind: 'done', confirmedByReading: task.steps.some((s) => s.confirmedByReading) };
}

/** What the first write of the task decided, known: done, or stopped. The screens wait for this, not for comments. */
export const decided = (task: Task) => {
  if (taskOutcome(task).kind !== 'working') return true;
  // Only follow-ups (comments) are still on their way: the decision itself is in the portal.
  const [first, ...rest] = task.steps;
  return !!first && stepSettled(first) && rest.every((s) => stepSettled(s) || s.followUp);
};

export type JournalAction =
  'link' | 'accession' | 'status' | 'merge' | 'escalation' | 'resolution' | 'undo' | 'comment';

/** One thing this station did to the portal, as it was before and after: what the journal keeps. */
export interface JournalRecord {
  /** ISO time. */
  at: string;
  user: string;
  collid: number;
  action: JournalAction;
  occid: number;
  barcode: string | null;
  before: FieldValues;
  after: FieldValues;
  outcome: 'done' | 'failed';
  /** What happened, as a code and its values (`journal.…` in the catalogs). */
  said: Said;
  /** Both records as they were, for a merge (PROTOCOL §9.5), so an administrator can restore them. */
  mergedRecords?: { legacy: SpecimenRecord; skeletal: SpecimenRecord };
  /** For an undo: the entry it undid. */
  undoes?: number;
  /** The task and step it records: the same step is never journaled twice. */
  key?: string;
  confirmedByReading?: boolean;
}

const ACTION_OF_INTENT: Record<StepIntent['kind'], JournalAction> = {
  barcode: 'link',
  accession: 'accession',
  status: 'status',
  restore: 'undo',
  merge: 'merge',
  create: 'escalation',
  comment: 'comment',
};

/** The journal's action for a step: what the person decided, for the write that carries the decision. */
function actionOf(task: Task, index: number): JournalAction {
  const step = task.steps[index]!;
  if (step.intent.kind === 'comment') return 'comment';
  const d = task.decision;
  if (index === 0)
    switch (d.kind) {
      case 'link':
      case 'accession':
      case 'merge':
      case 'escalation':
      case 'undo':
        return d.kind === 'link' ? 'link' : d.kind;
      case 'resolution':
        return d.resolution === 'merge' ? 'merge' : 'resolution';
      case 'single':
        return ACTION_OF_INTENT[d.intent.kind];
    }
  return ACTION_OF_INTENT[step.intent.kind];
}

const occidOfStep = (task: Task, index: number): number => {
  const step = task.steps[index]!;
  if (step.resultOccid !== null) return step.resultOccid;
  const intent = step.intent;
  if (intent.kind === 'merge') return intent.target;
  if (intent.kind === 'create') return 0;
  if (intent.kind === 'comment')
    return intent.occid === 'previous' ? (task.steps[index - 1]?.resultOccid ?? 0) : intent.occid;
  return intent.occid;
};

const barcodeOf = (task: Task, index: number): string | null => {
  const d = task.decision;
  if (d.kind === 'single') {
    const i = d.intent;
    return i.kind === 'barcode' || i.kind === 'create' ? i.barcode : null;
  }
  const intent = task.steps[index]!.intent;
  if (intent.kind === 'barcode' || intent.kind === 'create') return intent.barcode;
  return d.barcode;
};

/** What a settled step says in the journal. */
function saidOfStep(task: Task, index: number): Said {
  const step = task.steps[index]!;
  const intent = step.intent;
  const values = {
    occid: occidOfStep(task, index),
    barcode: barcodeOf(task, index),
    confirmedByReading: step.confirmedByReading,
  };
  // Nothing was written: what the portal (or the replay) said is the entry's message.
  if (step.state === 'refused' || step.state === 'needs-decision')
    return step.problem ?? said('task.problem.unknown');
  switch (intent.kind) {
    case 'barcode':
      return said('journal.done.barcode', { ...values, status: intent.status });
    case 'accession':
      return said('journal.done.accession', {
        ...values,
        accession: intent.accession,
        status: intent.status,
      });
    case 'status':
      return said(step.state === 'skipped' ? 'journal.done.status-kept' : 'journal.done.status', {
        ...values,
        status: intent.status,
      });
    case 'restore':
      return said('journal.done.restore', values);
    case 'merge':
      return said('journal.done.merge', { ...values, source: intent.source, target: intent.target });
    case 'create':
      return said('journal.done.create', { ...values, status: intent.status });
    case 'comment':
      return said('journal.done.comment', values);
  }
}

/**
 * The journal entries a task owes now: one for each settled step that reached the portal (done, or kept
 * as it was), and one for the step that stopped it, none for steps never tried. Pure: the outbox writes
 * them when the steps settle, whether or not a screen is waiting.
 */
export function journalEntriesOf(
  task: Task,
  at: (ms: number) => string,
): { index: number; entry: JournalRecord }[] {
  return task.steps.flatMap((step, index) => {
    if (step.journaled || !stepSettled(step)) return [];
    if (step.state === 'skipped' && step.intent.kind !== 'status') return [];
    const failed = step.state === 'refused' || step.state === 'needs-decision';
    const entry: JournalRecord = {
      at: at(step.settledAt ?? task.createdAt),
      user: task.user,
      collid: task.collid,
      action: actionOf(task, index),
      occid: occidOfStep(task, index),
      barcode: barcodeOf(task, index),
      before: failed ? {} : (step.before ?? {}),
      // A comment's entry keeps what was posted: the portal's comments have no edit log.
      after: failed
        ? {}
        : step.intent.kind === 'comment'
          ? { comment: step.intent.text }
          : (step.after ?? {}),
      outcome: failed ? 'failed' : 'done',
      said: saidOfStep(task, index),
      // One entry per try of a step: a refusal and the Retry that went through are both kept.
      key: `${task.id}:${index}:${step.attempts}`,
      ...(step.confirmedByReading ? { confirmedByReading: true } : {}),
      ...(step.mergedRecords && !failed ? { mergedRecords: step.mergedRecords } : {}),
      ...(task.decision.kind === 'undo' && index === 0 ? { undoes: task.decision.undoes } : {}),
    };
    return [{ index, entry }];
  });
}

/** The values an intent means to leave on its record, when the adapter's own reading is not at hand. */
export function intendedValues(intent: StepIntent): FieldValues {
  switch (intent.kind) {
    case 'barcode':
      return { catalognumber: intent.barcode, ...(intent.status ? { processingstatus: intent.status } : {}) };
    case 'accession':
      return {
        othercatalognumbers: intent.accession,
        ...(intent.status ? { processingstatus: intent.status } : {}),
      };
    case 'status':
      return { processingstatus: intent.status };
    case 'restore':
      return Object.fromEntries(intent.changes.map((c: RestoreChange) => [c.field, c.previous]));
    case 'create':
      return { catalognumber: intent.barcode, processingstatus: intent.status };
    case 'merge':
    case 'comment':
      return {};
  }
}
