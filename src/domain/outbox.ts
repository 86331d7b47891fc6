import { hasBarcode, type SpecimenRecord } from './occurrence';
import { sameStatus } from './processing-status';
import { said, type Said } from './said';

/**
 * Every write the station makes waits in the outbox until the portal has it (docs/decisions/010):
 * `waiting` to be sent (or for the network, or for a login), `sending`, then `done`, `refused` (the portal
 * said no: rights, bad data) or `needs-decision` (the portal holds something else now; never overwritten).
 */
export type OutboxState = 'waiting' | 'sending' | 'done' | 'refused' | 'needs-decision';

export interface RestoreChange {
  field: 'catalognumber' | 'processingstatus';
  wrote: string | null;
  previous: string | null;
}

/** What a write intends the portal to hold afterwards: enough to send it, and to recognise it as done. */
export type WriteIntent =
  | { kind: 'barcode'; collid: number; occid: number; barcode: string; status: string | null }
  | { kind: 'accession'; collid: number; occid: number; accession: string; status: string | null }
  | { kind: 'status'; collid: number; occid: number; status: string }
  | { kind: 'restore'; collid: number; occid: number; changes: RestoreChange[] }
  | { kind: 'merge'; collid: number; source: number; target: number }
  | { kind: 'create'; collid: number; barcode: string; status: string; enteredBy: string }
  | { kind: 'comment'; occid: number; text: string };

export interface OutboxItem {
  id: string;
  /** The portal user who decided this write; it is only ever sent under that login. */
  user: string;
  intent: WriteIntent;
  state: OutboxState;
  /** Why it waits: the portal did not answer, or the session ended. */
  waitingFor: 'network' | 'login' | null;
  attempts: number;
  /** When the next automatic try is due (ms since the epoch). */
  nextTryAt: number | null;
  /** The last thing the portal or the station said about it. */
  message: string | null;
  /** The write was found already in the portal when read after an unclear answer. */
  confirmedByReading: boolean;
  createdAt: number;
  settledAt: number | null;
  /** The record the write ended on (a created record's number). */
  resultOccid: number | null;
}

export const isSettled = (item: Pick<OutboxItem, 'state'>) =>
  item.state === 'done' || item.state === 'refused' || item.state === 'needs-decision';

/** 2 s, 4 s, 8 s … at most a minute between automatic tries. */
export const retryDelayMs = (attempts: number) => Math.min(60_000, 2_000 * 2 ** Math.max(0, attempts - 1));

/** What the portal holds now, read before a write is sent again. */
export type PortalNow =
  | { kind: 'record'; record: SpecimenRecord | null }
  | { kind: 'merge'; sourceExists: boolean; target: SpecimenRecord | null }
  | { kind: 'barcode-holders'; holders: number[] }
  | { kind: 'comments'; texts: string[] };

export type ReplayDecision =
  { do: 'done'; occid: number | null } | { do: 'decide'; why: Said } | { do: 'send' };

/** Why a write was not sent again: a code of the portal's errors (`portal.error.replay-…`). */
const why = (code: string, values: Record<string, string | number | null>): Said =>
  said(`portal.error.replay-${code}`, values);

const norm = (v: string | null | undefined) => (v ?? '').replace(/\s+/g, ' ').trim();
const sameValue = (a: string | null, b: string | null) => norm(a).toLowerCase() === norm(b).toLowerCase();
const statusOk = (record: SpecimenRecord, status: string | null) =>
  status === null || sameStatus(record.processingStatus, status);

/**
 * Replay reads before it writes: a write the portal already holds exactly is done (its answer was lost);
 * one whose record now holds something else needs a person and is never overwritten; only otherwise is it
 * sent again.
 */
export function replayDecision(intent: WriteIntent, now: PortalNow): ReplayDecision {
  switch (intent.kind) {
    case 'barcode':
    case 'accession':
    case 'status':
    case 'restore': {
      if (now.kind !== 'record') return { do: 'send' };
      const record = now.record;
      if (record === null) return { do: 'decide', why: why('record-gone', { occid: intent.occid }) };
      return recordDecision(intent, record);
    }
    case 'merge': {
      if (now.kind !== 'merge') return { do: 'send' };
      if (now.sourceExists) return { do: 'send' };
      // The merge moves the barcode and the image onto the target and deletes the source (PROTOCOL §9).
      const carries = now.target !== null && hasBarcode(now.target) && now.target.images.length > 0;
      return carries
        ? { do: 'done', occid: intent.target }
        : { do: 'decide', why: why('merge-unclear', { source: intent.source, target: intent.target }) };
    }
    case 'create': {
      if (now.kind !== 'barcode-holders') return { do: 'send' };
      if (now.holders.length === 0) return { do: 'send' };
      if (now.holders.length === 1) return { do: 'done', occid: now.holders[0] ?? null };
      return {
        do: 'decide',
        why: why('barcode-on-several', { barcode: intent.barcode, holders: now.holders.join(', ') }),
      };
    }
    case 'comment': {
      if (now.kind !== 'comments') return { do: 'send' };
      return now.texts.some((t) => norm(t) === norm(intent.text))
        ? { do: 'done', occid: intent.occid }
        : { do: 'send' };
    }
  }
}

function recordDecision(
  intent: Extract<WriteIntent, { kind: 'barcode' | 'accession' | 'status' | 'restore' }>,
  record: SpecimenRecord,
): ReplayDecision {
  const done: ReplayDecision = { do: 'done', occid: record.occid };
  switch (intent.kind) {
    case 'barcode':
      if (record.catalogNumber === intent.barcode && statusOk(record, intent.status)) return done;
      if (hasBarcode(record))
        return {
          do: 'decide',
          why: why('barcode-now', {
            occid: record.occid,
            barcode: record.catalogNumber,
            wanted: intent.barcode,
          }),
        };
      return { do: 'send' };
    case 'accession': {
      const legacy = record.fields['otherCatalogNumbers'] ?? null;
      const held = [...record.identifiers.map((i) => i.value), legacy].filter((v): v is string => !!norm(v));
      if (held.some((v) => sameValue(v, intent.accession)) && statusOk(record, intent.status)) return done;
      if (held.length > 0)
        return { do: 'decide', why: why('other-numbers', { occid: record.occid, held: held.join(', ') }) };
      return { do: 'send' };
    }
    case 'status':
      return sameStatus(record.processingStatus, intent.status) ? done : { do: 'send' };
    case 'restore': {
      const holds = (c: RestoreChange) =>
        c.field === 'catalognumber' ? record.catalogNumber : record.processingStatus;
      if (intent.changes.every((c) => sameValue(holds(c), c.previous))) return done;
      if (intent.changes.every((c) => sameValue(holds(c), c.wrote))) return { do: 'send' };
      return { do: 'decide', why: why('undo-changed', { occid: record.occid }) };
    }
  }
}
