import { readBarcode, type BarcodeRules } from '../../domain/barcode';
import { escalationComment, ESCALATION_REASONS, type Escalation } from '../../domain/escalation';
import { hasBarcode, type SpecimenRecord } from '../../domain/occurrence';
import { EXPERT_REQUIRED } from '../../domain/processing-status';
import { accept, refuse, type Checked } from '../../domain/result';
import { explain, isPortalError } from '../../portal/errors';
import { postFollowUpComment } from '../../portal/follow-up-comment';
import type { PortalClient } from '../../portal/portal';
import type { Candidate, SearchOutcome } from './find-record';
import type { SessionLink } from './imaging-store';

/** "accession 1500, J. Smith 213": how the technician recognises a specimen in messages and the list. */
export function specimenLabel(record: SpecimenRecord, search: SearchOutcome | null): string {
  const accession = search?.accession
    ? `accession ${search.accession.value}`
    : record.identifiers[0]
      ? `accession ${record.identifiers[0].value}`
      : null;
  const collector = [record.recordedBy, record.recordNumber].filter(Boolean).join(' ');
  return [accession, collector || null, accession || collector ? null : `record ${record.occid}`]
    .filter(Boolean)
    .join(', ');
}

/**
 * The checks a scan passes on the station itself, at once: the collection's barcode pattern, and not a
 * barcode this station has just used (a double scan). Whether another record holds it is the portal's
 * answer (PROTOCOL §8.1), asked by the guarded save.
 */
export function readScan(raw: string, rules: BarcodeRules, links: SessionLink[]): Checked<string> {
  const read = readBarcode(raw, rules);
  if (!read.ok) return read;
  const barcode = read.value;
  const earlier = links.find((l) => l.barcode === barcode && l.state !== 'failed');
  if (earlier) {
    return refuse(
      `${barcode} was already scanned for ${earlier.label} a moment ago. Scan the barcode label on the sheet in hand.`,
    );
  }
  const pending = links.find((l) => l.barcode === barcode);
  if (pending) {
    return refuse(
      `${barcode} is waiting in "This session" for ${pending.label} (not saved). Retry or reopen it there, or scan this sheet's own barcode.`,
    );
  }
  return accept(barcode);
}

/** Writes the barcode into Catalog Number through the guarded save; returns the line the technician sees. */
export async function saveLink(
  portal: PortalClient,
  collid: number,
  link: Pick<SessionLink, 'occid' | 'barcode' | 'label'>,
  linkedStatus: string | null,
  confirmedByReading: (result: unknown) => boolean = () => false,
): Promise<string> {
  const saved = await portal.setCatalogNumber(collid, link.occid, link.barcode, linkedStatus ?? undefined);
  const images = saved.images.length;
  const already =
    images > 0 ? ` The record already had ${images === 1 ? 'an image' : `${images} images`}.` : '';
  const how = confirmedByReading(saved)
    ? ' The portal\'s answer was lost; reading the record showed it saved, once.'
    : '';
  return `${saved.catalogNumber ?? link.barcode} → ${link.label}. Saved in the portal (record ${saved.occid}).${how}${already}`;
}

export function failureLine(error: unknown, link: Pick<SessionLink, 'barcode' | 'label'>): string {
  const what = `${link.barcode} → ${link.label} was not saved.`;
  if (isPortalError(error) && error.kind === 'portal-unreachable')
    return `${what} The portal could not be reached. Check the network connection and press Retry.`;
  if (isPortalError(error) && error.kind === 'barcode-in-use')
    return `${what} ${error.message} Check the label on the sheet: Reopen to scan it again or to escalate.`;
  return `${what} ${explain(error)}`;
}

export interface EscalationRequest {
  barcode: string;
  escalation: Escalation;
  /** What the technician typed, so the supervisor need not ask (`stamp 145`). */
  context: string;
}

/**
 * Hands a specimen to a supervisor: a record for its barcode with status *expert required* (rec. 13),
 * and, when the collection allows it, a comment saying why (rec. 12b; comments are public at once).
 * The record stands even when the comment does not get through; `commentProblem` then says so.
 */
export async function escalate(
  portal: PortalClient,
  collid: number,
  username: string,
  request: EscalationRequest,
  postComment: boolean,
): Promise<{ occid: number; commentPosted: boolean; commentProblem: string | null }> {
  const created = await portal.createRecord(collid, request.barcode, EXPERT_REQUIRED, username);
  if (!postComment) return { occid: created.occid, commentPosted: false, commentProblem: null };
  const note = [request.context, request.escalation.note.trim()].filter((t) => t !== '').join('; ');
  const commentProblem = await postFollowUpComment(
    portal,
    created.occid,
    escalationComment({ ...request.escalation, note }),
  );
  return { occid: created.occid, commentPosted: commentProblem === null, commentProblem };
}

export const escalationCandidates = (candidates: Candidate[]) =>
  candidates.map((c) => ({
    occid: c.record.occid,
    accession: c.otherCatalogNumbers ?? c.record.identifiers[0]?.value ?? null,
    catalogNumber: hasBarcode(c.record) ? c.record.catalogNumber : null,
  }));

export const reasonLabel = (reason: keyof typeof ESCALATION_REASONS) => ESCALATION_REASONS[reason];

/** What the technician typed, for the supervisor. */
export function searchContext(search: SearchOutcome): string {
  if (search.query.kind === 'stamp') return `stamp ${search.query.stamp.trim()}`;
  const q = search.query;
  return `no stamp; sheet: ${[q.collector, q.number, q.date]
    .map((t) => t.trim())
    .filter(Boolean)
    .join(', ')}`;
}
