import type { Box, Mask, Pixels, StampReading } from '../domain/sheet-reading';
import { lineOf, refineLine, renderLine, RENDER_HEIGHT, type LineGeometry, type Rendering } from '../domain/stamp-crops';
import { agree, chooseTurn, decideStamp, type LineVerdict, type Reading, type TurnOutcome } from '../domain/stamp-decision';
import { findStampCandidates, type SheetEvidence, type StampCandidate } from '../domain/stamp-finding';
import type { StampProfile } from '../domain/stamp-profile';
import { checkNumberInk, readNumberLine, type OcrWord } from '../domain/stamp-reading';

/**
 * Reading the stamped number off a sheet: the one code path the browser's worker and the Node tests both
 * run (issue 16). The OCR is handed in: tesseract.js in a browser worker, or in Node.
 */

/** One line of text as the OCR read it. */
export interface OcrLine {
  text: string;
  words: OcrWord[];
}

/** Reads a gray image (0 ink, 255 paper): as one line of text, or as a page of lines. */
export type Ocr = (image: Mask, layout: 'line' | 'page') => Promise<OcrLine[]>;

export interface StampOptions {
  /** Below this OCR confidence (0–100) no number is proposed (`reading.stampConfidence`). */
  confidenceFloor: number;
  profile: StampProfile | null;
  evidence: SheetEvidence;
}

export interface CandidateTrace {
  candidate: StampCandidate;
  verdict: LineVerdict;
  readings: { rendering: Rendering; turn: 0 | 180; text: string; outcome: string }[];
}

export interface StampResult {
  stamp: StampReading;
  /** Where the stamp (or the likeliest candidate) is, in the scan's pixels: shown beside the field. */
  box: Box | null;
  candidates: CandidateTrace[];
}

/** At most this many candidate lines are read: a sheet has one stamp, and reading costs time. */
const MAX_CANDIDATES = 6;

/** Which way up the barcode says this line reads (0 or 180 from its direction), if a barcode was read. */
function barcodeTurn(candidate: StampCandidate, evidence: SheetEvidence): 0 | 180 | null {
  const rotation = evidence.barcodes[0]?.rotation;
  if (rotation === undefined) return null;
  const gap = (a: number) => {
    const d = (((a - rotation) % 360) + 360) % 360;
    return Math.min(d, 360 - d);
  };
  return gap(candidate.angle) <= gap(candidate.angle + 180) ? 0 : 180;
}

export async function readStamp(pixels: Pixels, ocr: Ocr, options: StampOptions): Promise<StampResult> {
  const { candidates } = findStampCandidates(pixels, options.evidence, options.profile);
  const traces: CandidateTrace[] = [];
  for (const candidate of candidates.slice(0, MAX_CANDIDATES))
    traces.push(await readCandidate(pixels, ocr, candidate, options));
  const { stamp, from } = decideStamp(traces.map((t) => t.verdict));
  return { stamp, box: from === null ? null : traces[from]!.candidate.block, candidates: traces };
}

async function readCandidate(
  pixels: Pixels,
  ocr: Ocr,
  candidate: StampCandidate,
  options: StampOptions,
): Promise<CandidateTrace> {
  const floor = options.confidenceFloor;
  const readings: CandidateTrace['readings'] = [];
  const geometry = new Map<0 | 180, LineGeometry>();
  /** One reading of the line one way up: a number the line's ink bears out, or why not. */
  const read = async (rendering: Rendering, turn: 0 | 180): Promise<Reading | { why: string | null; value: string | null; date: boolean }> => {
    let shape = geometry.get(turn);
    if (!shape) geometry.set(turn, (shape = refineLine(pixels, lineOf(candidate, turn), candidate.ink)));
    const line = renderLine(pixels, shape, candidate.ink, rendering);
    const words = (await ocr(line.image, 'line')).flatMap((l) => l.words);
    const reading = readNumberLine(words, RENDER_HEIGHT[rendering]);
    let outcome: Reading | { why: string | null; value: string | null; date: boolean };
    if (reading.kind === 'number') {
      const inkSays = checkNumberInk(reading, line.ink);
      outcome =
        inkSays !== null
          ? { why: inkSays, value: reading.value, date: false }
          : reading.confidence < floor
            ? {
                why: `the number read (${reading.value}) is too uncertain (${Math.round(reading.confidence)} % < ${floor} %)`,
                value: reading.value,
                date: false,
              }
            : reading;
    } else outcome = { why: reading.kind === 'doubtful' ? reading.why : null, value: null, date: reading.kind === 'date' };
    readings.push({
      rendering,
      turn,
      text: words.map((w) => w.text).join(' '),
      outcome: 'printed' in outcome ? `${outcome.printed} (${Math.round(outcome.confidence)} %)` : (outcome.why ?? (outcome.date ? 'date' : 'none')),
    });
    return outcome;
  };

  const turns: (0 | 180)[] = [0, 180];
  const firsts = await Promise.all(turns.map((turn) => read('ink-mask', turn)));
  const outcomes: TurnOutcome[] = [];
  let disagreement: { why: string; value: string } | null = null;
  for (const [i, turn] of turns.entries()) {
    const a = firsts[i]!;
    if (!('printed' in a)) {
      outcomes.push({ turn, verified: null });
      continue;
    }
    // The second reading, made another way (gray, larger, softened), must read the same digits.
    const b = await read('ink-gray', turn);
    if ('printed' in b && agree(a, b))
      outcomes.push({ turn, verified: { ...a, confidence: Math.min(a.confidence, b.confidence), wordConfidence: Math.min(a.wordConfidence, b.wordConfidence) } });
    else {
      outcomes.push({ turn, verified: null });
      disagreement ??= {
        value: a.value,
        why: `two readings of the stamp disagree (${a.value}, ${'printed' in b ? b.value : (b.value ?? 'no number')})`,
      };
    }
  }
  const choice = chooseTurn(outcomes, barcodeTurn(candidate, options.evidence));
  let verdict: LineVerdict;
  if (choice.kind === 'one') verdict = { kind: 'number', value: choice.reading.value, confidence: Math.round(choice.reading.confidence) };
  else if (choice.kind === 'two-ways') verdict = choice;
  else if (choice.kind === 'against-barcode') verdict = choice;
  else if (disagreement) verdict = { kind: 'doubtful', ...disagreement };
  else {
    const doubt = firsts.find((f) => !('printed' in f) && f.why !== null && f.value !== null) ?? firsts.find((f) => !('printed' in f) && f.why !== null);
    verdict =
      doubt && !('printed' in doubt)
        ? { kind: 'doubtful', value: doubt.value, why: doubt.why! }
        : firsts.some((f) => !('printed' in f) && f.date)
          ? { kind: 'date' }
          : { kind: 'none' };
  }
  return { candidate, verdict, readings };
}
