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

/**
 * The fixed opening of the comment the station writes on an escalated record. The comment is stored in the
 * portal, so it is written in one form whatever language the station shows: the prefix, the reason's code in
 * parentheses (what another station reads back, in its own language), the reason in English for a person
 * reading the portal's comment list, the candidates, then the technician's note as typed. Comments written
 * before the code was added (English reason only) are still read.
 */
export const COMMENT_PREFIX = '[Specimen Linker] Expert required';

const describeCandidate = (c: EscalationCandidate) =>
  [c.accession ? c.accession : null, c.catalogNumber ? c.catalogNumber : null, `record ${c.occid}`]
    .filter((x): x is string => x !== null)
    .join(', ');

const isReason = (code: string): code is EscalationReason => Object.hasOwn(ESCALATION_REASONS, code);

/** The portal comment text: a fixed prefix and a reason code that any station parses back. */
export function escalationComment(e: Escalation): string {
  const parts = [`${COMMENT_PREFIX} (${e.reason}) — ${ESCALATION_REASONS[e.reason]}`];
  if (e.candidates.length > 0) parts.push(`(candidates: ${e.candidates.map(describeCandidate).join('; ')})`);
  const note = e.note.trim().replace(/\s+/g, ' ');
  if (note !== '') parts.push(`— ${note}`);
  return parts.join(' ');
}

/** What follows the reason: an optional candidate list in parentheses, then ` — note`. */
function noteAfter(rest: string): string {
  let at = 0;
  if (rest.startsWith(' (candidates: ')) {
    let depth = 0;
    for (; at < rest.length; at++) {
      if (rest[at] === '(') depth++;
      else if (rest[at] === ')' && --depth === 0) {
        at++;
        break;
      }
    }
  }
  return rest.startsWith(' — ', at) ? rest.slice(at + 3) : '';
}

export function parseEscalationComment(
  text: string,
): { reason: EscalationReason | null; note: string } | null {
  if (!text.startsWith(COMMENT_PREFIX)) return null;
  let rest = text.slice(COMMENT_PREFIX.length);
  const coded = /^ \(([a-z-]+)\)/.exec(rest);
  let reason: EscalationReason | null = null;
  if (coded) {
    rest = rest.slice(coded[0].length);
    if (isReason(coded[1]!)) reason = coded[1];
  }
  rest = rest.replace(/^ — /, '');
  const english = (Object.entries(ESCALATION_REASONS) as [EscalationReason, string][])
    .filter(([code, label]) => (reason === null || code === reason) && rest.startsWith(label))
    .sort((a, b) => b[1].length - a[1].length)[0];
  if (english) return { reason: reason ?? english[0], note: noteAfter(rest.slice(english[1].length)) };
  // A reason worded otherwise (another version's words): the note is what follows the last dash.
  const noteAt = rest.lastIndexOf(' — ');
  return { reason, note: noteAt >= 0 ? rest.slice(noteAt + 3) : '' };
}
