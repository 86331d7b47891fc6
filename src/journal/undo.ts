import { said, type Said } from '../domain/said';
import type { TaskDraft } from '../domain/task';
import type { ValueChange } from '../portal/portal';
import type { JournalEntry } from './station-journal';

/** What an undo would write, or why it cannot be undone (as a code, `journal.undo.why.…`). */
export type UndoPlan = { ok: true; changes: ValueChange[] } | { ok: false; why: Said };

const REVERTIBLE = new Set(['catalognumber', 'processingstatus']);

/**
 * What undoing a journal entry would write, or why it cannot be undone here. Barcode and status writes go
 * back through the normal save (PROTOCOL §7.1: individually revertible). Removing an accession number would
 * need `deleteIdentifier.php`, which checks no rights (§7.5), and a merge or a created record cannot be
 * reversed through the portal's editor at all.
 */
export function undoPlan(entry: JournalEntry, all: JournalEntry[]): UndoPlan {
  if (all.some((e) => e.undoes === entry.id && e.outcome === 'done'))
    return { ok: false, why: said('journal.undo.why.already-undone') };
  if (entry.outcome !== 'done')
    return { ok: false, why: said('journal.undo.why.nothing-written') };
  if (entry.action === 'undo')
    return { ok: false, why: said('journal.undo.why.undo-of-undo') };
  if (entry.action === 'comment')
    return {
      ok: false,
      why: said('journal.undo.why.comment'),
    };
  if (entry.action === 'merge')
    return {
      ok: false,
      why: said('journal.undo.why.merge'),
    };
  if (entry.action === 'escalation' && Object.keys(entry.before).length === 0)
    return {
      ok: false,
      why: said('journal.undo.why.created-record', { occid: entry.occid }),
    };
  if (Object.keys(entry.before).length === 0)
    return {
      ok: false,
      why: said('journal.undo.why.before-unknown'),
    };
  const fields = Object.keys(entry.after);
  if (fields.some((f) => !REVERTIBLE.has(f)))
    return {
      ok: false,
      why: said('journal.undo.why.accession'),
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
): { ok: true; draft: TaskDraft } | { ok: false; why: Said } {
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
