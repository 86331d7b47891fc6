import { readBarcode, type BarcodeRules } from '../../domain/barcode';
import { escalationComment, type Escalation } from '../../domain/escalation';
import { hasBarcode, type SpecimenRecord } from '../../domain/occurrence';
import { EXPERT_REQUIRED } from '../../domain/processing-status';
import type { Said } from '../../domain/said';
import type { SpecimenName, TaskDraft } from '../../domain/task';
import { taskLabel, type TaskRow } from '../../domain/task-rows';
import { told, type Told } from '../../i18n/told';
import type { Candidate, SearchOutcome } from './find-record';
import type { LinkReopen } from './imaging-store';

/** How the technician recognises a specimen in messages and the list: its stamp, collector and number. */
export function specimenName(record: SpecimenRecord, search: SearchOutcome | null): SpecimenName {
  const accession = search?.accession ? search.accession.value : (record.identifiers[0]?.value ?? null);
  const collector = [record.recordedBy, record.recordNumber].filter(Boolean).join(' ');
  return { accession, collector: collector || null, occid: record.occid };
}

/** "accession 1500, J. Smith 213", as codes worded in the station's language. */
export const specimenLabel = (record: SpecimenRecord, search: SearchOutcome | null): Said =>
  taskLabel({ kind: 'link', occid: record.occid, barcode: '', specimen: specimenName(record, search) });

/** A scan the station takes, or why not (naming the specimen it was used for). */
export type ScanRead = { ok: true; value: string } | { ok: false; problem: Told };

/**
 * The checks a scan passes on the station itself, at once: the collection's barcode pattern, and not a
 * barcode this station has just used (a double scan). Whether another record holds it is the portal's
 * answer (PROTOCOL §8.1), asked by the guarded save.
 */
export function readScan(raw: string, rules: BarcodeRules, rows: TaskRow[]): ScanRead {
  const read = readBarcode(raw, rules);
  if (!read.ok) return read;
  const barcode = read.value;
  const earlier = rows.find((r) => r.barcode === barcode && r.state !== 'failed');
  if (earlier)
    return {
      ok: false,
      problem: told('imaging.scan.already-scanned', { barcode }, { label: earlier.label }),
    };
  const pending = rows.find((r) => r.barcode === barcode);
  if (pending)
    return { ok: false, problem: told('imaging.scan.waiting', { barcode }, { label: pending.label }) };
  return { ok: true, value: barcode };
}

/** A barcode into the record's Catalog Number, with the station's linked status in the same save. */
export function linkTask(
  collid: number,
  candidate: Candidate,
  search: SearchOutcome | null,
  barcode: string,
  linkedStatus: string | null,
): TaskDraft {
  const occid = candidate.record.occid;
  const reopen: LinkReopen = { candidate, search };
  return {
    screen: 'imaging',
    collid,
    decision: { kind: 'link', occid, barcode, specimen: specimenName(candidate.record, search) },
    steps: [{ intent: { kind: 'barcode', collid, occid, barcode, status: linkedStatus } }],
    reopen,
  };
}

export interface EscalationRequest {
  barcode: string;
  escalation: Escalation;
  /** What the technician typed, so the supervisor need not ask (`stamp 145`). */
  context: string;
}

/**
 * Hands a specimen to a supervisor: a record for its barcode with status *expert required* (rec. 13),
 * then, when the collection allows it, a comment saying why on that record (rec. 12b; public at once).
 * The record stands even when the comment does not get through: the task then says so.
 */
export function escalationTask(
  collid: number,
  username: string,
  request: EscalationRequest,
  postComment: boolean,
  accession: string | null,
): TaskDraft {
  const note = [request.context, request.escalation.note.trim()].filter((t) => t !== '').join('; ');
  return {
    screen: 'imaging',
    collid,
    decision: {
      kind: 'escalation',
      occid: null,
      barcode: request.barcode,
      reason: request.escalation.reason,
      accession,
    },
    steps: [
      {
        intent: {
          kind: 'create',
          collid,
          barcode: request.barcode,
          status: EXPERT_REQUIRED,
          enteredBy: username,
        },
      },
      ...(postComment
        ? [
            {
              intent: {
                kind: 'comment' as const,
                occid: 'previous' as const,
                text: escalationComment({ ...request.escalation, note }),
              },
              followUp: true,
            },
          ]
        : []),
    ],
  };
}

export const escalationCandidates = (candidates: Candidate[]) =>
  candidates.map((c) => ({
    occid: c.record.occid,
    accession: c.otherCatalogNumbers ?? c.record.identifiers[0]?.value ?? null,
    catalogNumber: hasBarcode(c.record) ? c.record.catalogNumber : null,
  }));

/** What the technician typed, for the supervisor: written into the portal comment as it is. */
export function searchContext(search: SearchOutcome): string {
  if (search.query.kind === 'stamp') return `stamp ${search.query.stamp.trim()}`;
  const q = search.query;
  return `no stamp; sheet: ${[q.collector, q.number, q.date]
    .map((t) => t.trim())
    .filter(Boolean)
    .join(', ')}`;
}

/** What the technician typed, as the escalation form shows it. */
export function typedWords(search: SearchOutcome): Said {
  if (search.query.kind === 'stamp')
    return told('imaging.escalate.typed-stamp', { stamp: search.query.stamp.trim() });
  const q = search.query;
  const sheet = [q.collector, q.number, q.date]
    .map((t) => t.trim())
    .filter(Boolean)
    .join(', ');
  return told('imaging.escalate.typed-sheet', { sheet });
}
