/** Why a technician handed a specimen to a supervisor. */
export const ESCALATION_REASONS = {
  'no-record': 'no record found',
  'data-mismatch': 'record data do not match the sheet',
  'duplicate-has-image': 'duplicate already has an image',
  'duplicate-has-barcode': 'duplicate already has a barcode',
  'several-candidates': 'several candidates',
  'no-stamp': 'no stamp on the sheet',
  'stamp-illegible': 'stamp illegible',
  'already-barcoded': 'record already has a barcode',
  'image-barcode': 'the image shows another barcode',
  other: 'other',
} as const;

export type EscalationReason = keyof typeof ESCALATION_REASONS;

export interface EscalationCandidate {
  occid: number;
  accession?: string | null;
  catalogNumber?: string | null;
}

export interface Escalation {
  reason: EscalationReason;
  note: string;
  candidates: EscalationCandidate[];
}

export const COMMENT_PREFIX = '[Specimen Linker] Expert required';

const describeCandidate = (c: EscalationCandidate) =>
  [c.accession ? c.accession : null, c.catalogNumber ? c.catalogNumber : null, `record ${c.occid}`]
    .filter((x): x is string => x !== null)
    .join(', ');

/** The portal comment text: a fixed prefix a supervisor's screen can parse back. */
export function escalationComment(e: Escalation): string {
  const parts = [`${COMMENT_PREFIX} — ${ESCALATION_REASONS[e.reason]}`];
  if (e.candidates.length > 0) parts.push(`(candidates: ${e.candidates.map(describeCandidate).join('; ')})`);
  const note = e.note.trim().replace(/\s+/g, ' ');
  if (note !== '') parts.push(`— ${note}`);
  return parts.join(' ');
}

export function parseEscalationComment(
  text: string,
): { reason: EscalationReason | null; note: string } | null {
  if (!text.startsWith(COMMENT_PREFIX)) return null;
  const rest = text.slice(COMMENT_PREFIX.length).replace(/^ — /, '');
  const entry = (Object.entries(ESCALATION_REASONS) as [EscalationReason, string][]).find(([, label]) =>
    rest.startsWith(label),
  );
  const noteAt = rest.lastIndexOf(' — ');
  return { reason: entry ? entry[0] : null, note: noteAt >= 0 ? rest.slice(noteAt + 3) : '' };
}
