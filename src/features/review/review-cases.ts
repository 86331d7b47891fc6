import { readAccession, type AccessionRules } from '../../domain/accession';
import { parseEscalationComment, type EscalationReason } from '../../domain/escalation';
import { withListedCatalogNumbers, type RecordSummary, type SpecimenRecord } from '../../domain/occurrence';
import { said, type Said } from '../../domain/said';
import { formatMoment } from '../../i18n/format';
import { findAccessionHolders } from '../../portal/accession-holders';
import type { PortalReads, RecordComment } from '../../portal/portal';

export interface CaseEscalation {
  reason: EscalationReason | null;
  note: string;
  by: string;
  when: string;
}

export interface ReviewCase {
  summary: RecordSummary;
  /** The technician's escalation comment; null for a record set to Expert Required by hand in the portal. */
  escalation: CaseEscalation | null;
  /** Why the case's record could not be read for the queue (it is listed all the same). */
  unreadable?: Said | undefined;
}

/**
 * When the escalation comment was posted, in the station's date style; the portal's own words when it
 * gives no timestamp the station reads (`2026-11-30 17:30:56`, its local time).
 */
export const postedWhen = (posted: string): string =>
  /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(posted.trim()) ? formatMoment(posted.trim()) : posted;

/** Why the case was sent, as a code (`reason.…`); a case set to Expert Required by hand has none. */
export const reasonOf = (c: ReviewCase): Said =>
  said(c.escalation?.reason ? `reason.${c.escalation.reason}` : 'reason.none');

/** The newest escalation comment on a record, read back from the portal (rec. 12b/12c). */
export function escalationOf(comments: RecordComment[]): CaseEscalation | null {
  for (const comment of [...comments].reverse()) {
    const parsed = parseEscalationComment(comment.text);
    if (parsed) return { ...parsed, by: comment.author, when: comment.posted };
  }
  return null;
}

export interface CaseCandidate {
  record: SpecimenRecord;
  otherCatalogNumbers: string | null;
  /** How it was found: "accession 1499", "collector Smith 212" (`review.case.found-by.…`). */
  foundBy: Said;
}

/** Stamps the technician typed, as the escalation note carries them (`stamp 145`). */
export function stampsIn(note: string): string[] {
  return [...note.matchAll(/\bstamp (\S+?)(?=[;,]|$|\s)/g)].map((m) => m[1]!);
}

/**
 * Candidates re-searched live: the accession numbers on the record or in the technician's note (every zero
 * variant, and inside multi-valued legacy strings), and the record's own collector, number and date.
 */
export async function findCandidates(
  portal: PortalReads,
  collid: number,
  record: SpecimenRecord,
  note: string,
  rules: AccessionRules,
): Promise<CaseCandidate[]> {
  const found = new Map<number, { row: RecordSummary; foundBy: Said }>();
  const keep = (rows: RecordSummary[], foundBy: Said) => {
    for (const row of rows)
      if (row.occid !== record.occid && !found.has(row.occid)) found.set(row.occid, { row, foundBy });
  };
  const numbers = [...new Set([...record.identifiers.map((i) => i.value), ...stampsIn(note)])];
  for (const number of numbers) {
    const accession = readAccession(number, rules);
    if (!accession.ok) continue;
    const holders = await findAccessionHolders(portal, collid, accession.value, rules);
    keep(holders.exact, said('review.case.found-by.accession', { accession: accession.value.value }));
    keep(holders.inside, said('review.case.found-by.inside', { accession: accession.value.value }));
  }
  const lastName = record.recordedBy?.trim().split(/\s+/).pop();
  if (lastName && (record.recordNumber || record.eventDate)) {
    const byCollector = await portal.findByCollector(collid, {
      recordedBy: `%${lastName}`,
      ...(record.recordNumber ? { recordNumber: record.recordNumber } : {}),
      ...(record.eventDate ? { eventDate: record.eventDate } : {}),
    });
    keep(
      byCollector.records,
      said('review.case.found-by.collector', { name: lastName, number: record.recordNumber || null }),
    );
  }
  const rows = [...found.values()].slice(0, 20);
  const records = await Promise.all(rows.map(({ row }) => portal.readRecord(row.occid)));
  return rows.flatMap(({ row, foundBy }, i) => {
    const r = records[i];
    return r
      ? [
          {
            record: withListedCatalogNumbers(r, row.otherCatalogNumbers),
            otherCatalogNumbers: row.otherCatalogNumbers,
            foundBy,
          },
        ]
      : [];
  });
}
