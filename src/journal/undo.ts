import type { TaskDraft } from '../domain/task';
import type { ValueChange } from '../portal/portal';
import type { JournalEntry } from './station-journal';

export type UndoPlan = { ok: true; changes: ValueChange[] } | { ok: false; why: string };

const REVERTIBLE = new Set(['catalognumber', 'processingstatus']);

/**
 * What undoing a journal entry would write, or why it cannot be undone here. Barcode and status writes go
 * back through the normal save (PROTOCOL §7.1: individually revertible). Removing an accession number would
 * need `deleteIdentifier.php`, which checks no rights (§7.5), and a merge or a created record cannot be
 * reversed through the portal's editor at all.
 */
export function undoPlan(entry: JournalEntry, all: JournalEntry[]): UndoPlan {
  if (all.some((e) => e.undoes === entry.id && e.outcome === 'done'))
    return { ok: false, why: 'It has already been undone.' };
  if (entry.outcome !== 'done')
    return { ok: false, why: 'Nothing was written, so there is nothing to undo.' };
  if (entry.action === 'undo')
    return { ok: false, why: 'An undo is not undone; make the change again instead.' };
  if (entry.action === 'comment')
    return {
      ok: false,
      why: "A comment is not taken back from this station; an administrator can delete it on the record's Comments tab in the portal.",
    };
  if (entry.action === 'merge')
    return {
      ok: false,
      why: 'The portal cannot undo a merge from the editor. The journal keeps both records as they were; see "How to undo this merge" for what an administrator does.',
    };
  if (entry.action === 'escalation' && Object.keys(entry.before).length === 0)
    return {
      ok: false,
      why: `Record ${entry.occid} was created by this escalation; the portal's editor cannot delete it. Resolve the case in Review, or ask an administrator to delete the record.`,
    };
  if (Object.keys(entry.before).length === 0)
    return {
      ok: false,
      why: 'This write was finished from the outbox after the station was reopened, and what the record held before is not known here; change it in the portal if it must be undone.',
    };
  const fields = Object.keys(entry.after);
  if (fields.some((f) => !REVERTIBLE.has(f)))
    return {
      ok: false,
      why: `An accession number cannot be removed from this station: the portal's only way to remove one (deleteIdentifier) checks no rights. Remove it in the portal's editor, or ask an administrator to revert the edit in the portal's edit review.`,
    };
  return {
    ok: true,
    changes: fields.map((field) => ({
      field: field as ValueChange['field'],
      wrote: entry.after[field] ?? null,
      previous: entry.before[field] ?? null,
    })),
  };
}

/** Undoing an entry as a task like any other (the outbox writes and journals it), or why it cannot be. */
export function undoTask(
  entry: JournalEntry,
  all: JournalEntry[],
  collid: number,
): { ok: true; draft: TaskDraft } | { ok: false; why: string } {
  const plan = undoPlan(entry, all);
  if (!plan.ok) return plan;
  return {
    ok: true,
    draft: {
      screen: 'journal',
      collid,
      decision: { kind: 'undo', occid: entry.occid, barcode: entry.barcode, undoes: entry.id },
      steps: [{ intent: { kind: 'restore', collid, occid: entry.occid, changes: plan.changes } }],
    },
  };
}
