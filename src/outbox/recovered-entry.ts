import { describeIntent, type OutboxItem, type WriteIntent } from '../domain/outbox';
import type { JournalAction, NewJournalEntry } from '../journal/station-journal';

const ACTION: Record<WriteIntent['kind'], JournalAction> = {
  barcode: 'link',
  accession: 'accession',
  status: 'status',
  restore: 'undo',
  merge: 'merge',
  create: 'escalation',
  comment: 'comment',
};

function values(intent: WriteIntent): Record<string, string | null> {
  switch (intent.kind) {
    case 'barcode':
      return { catalognumber: intent.barcode, ...(intent.status ? { processingstatus: intent.status } : {}) };
    case 'accession':
      return { othercatalognumbers: intent.accession, ...(intent.status ? { processingstatus: intent.status } : {}) };
    case 'status':
      return { processingstatus: intent.status };
    case 'restore':
      return Object.fromEntries(intent.changes.map((c) => [c.field, c.previous]));
    case 'create':
      return { catalognumber: intent.barcode, processingstatus: intent.status };
    case 'merge':
    case 'comment':
      return {};
  }
}

/**
 * The journal entry for a write that an earlier page decided and this page finished (after a reload, a
 * crash or a closed tab): nobody's screen was waiting for it, so the outbox writes it down.
 */
export function recoveredEntry(item: OutboxItem, collid: number, at: Date): NewJournalEntry {
  const intent = item.intent;
  const occid =
    item.resultOccid ?? ('occid' in intent ? intent.occid : intent.kind === 'merge' ? intent.target : 0);
  const how =
    item.state === 'done'
      ? item.confirmedByReading
        ? 'saved; confirmed by reading the portal after an unclear answer'
        : 'saved'
      : item.state === 'needs-decision'
        ? `not saved, needs a decision: ${item.message ?? ''}`
        : `not saved, refused: ${item.message ?? ''}`;
  return {
    at: at.toISOString(),
    user: item.user,
    collid: 'collid' in intent ? intent.collid : collid,
    action: ACTION[intent.kind],
    occid,
    barcode: intent.kind === 'barcode' || intent.kind === 'create' ? intent.barcode : null,
    before: {},
    after: item.state === 'done' ? values(intent) : {},
    outcome: item.state === 'done' ? 'done' : 'failed',
    message: `Finished from the outbox with no screen waiting for it (a later retry, or after the station was reopened): ${describeIntent(intent)} — ${how}.`,
  };
}
