import { said, type Said } from '../domain/said';
import type { Box, Mask, Pixels, StampReading } from '../domain/sheet-reading';
import {
  holdsCharacters,
  lineOf,
  refineLine,
  renderLine,
  type LineGeometry,
  type Rendering,
} from '../domain/stamp-crops';
import {
  agree,
  chooseTurn,
  decideStamp,
  type LineVerdict,
  type Reading,
  type TurnOutcome,
} from '../domain/stamp-decision';
import { findStampCandidates, type SheetEvidence, type StampCandidate } from '../domain/stamp-finding';
import { worthAsking } from '../domain/stamp-confirmation';
import type { StampProfile } from '../domain/stamp-profile';
import {
  COLUMN_MARGIN,
  inkDoubts,
  judgeLine,
  type LineJudgement,
  type LineNumber,
  type OcrWord,
} from '../domain/stamp-reading';

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
  readings: {
    rendering: Rendering;
    turn: 0 | 180;
    text: string;
    outcome: string;
    value: string | null;
    /** Numbers the reading showed beside another on one line: never proposed, but the portal may be asked. */
    shown?: string[];
  }[];
}

export interface StampResult {
  stamp: StampReading;
  /** Where the stamp (or the likeliest candidate) is, in the scan's pixels: shown beside the field. */
  box: Box | null;
  candidates: CandidateTrace[];
}

/** Only the likeliest withheld line is read again for the portal's witness: each reading costs time. */
const WITNESS_LINES = 1;
/** At most this many candidate lines are read: a sheet has one stamp, and reading costs time. */
const MAX_CANDIDATES = 5;
/** …and this many while none of them showed three digits in a row. */
const MAX_CANDIDATES_NOTHING_READ = 8;
const digitsIn = (text: string) => text.replace(/\D/g, '').length;
const showedDigits = (trace: CandidateTrace) =>
  trace.readings.some((r) => /\d{3}/.test(r.text.replace(/\s/g, '')));

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
  const readsForWitness: (null | (() => Promise<void>))[] = [];
  let found: StampCandidate | null = null;
  for (const [i, candidate] of candidates.slice(0, MAX_CANDIDATES_NOTHING_READ).entries()) {
    // Past the first few, only while no line read showed a number at all (a plant's leaves in a strong
    // colour can outrank a black stamp).
    if (i >= MAX_CANDIDATES && traces.some(showedDigits)) break;
    // Once a number is read, only lines nearly as stamp-like are still read: a second stamp (an old one's
    // ghost) would be one of those, and the rest cost time.
    if (found && (candidate.score < 0.6 * found.score || traces.length >= 4)) break;
    const { trace, moreForWitness } = await readCandidate(pixels, ocr, candidate, options);
    traces.push(trace);
    readsForWitness.push(moreForWitness);
    if (trace.verdict.kind === 'number') found ??= candidate;
  }
  const { stamp, from } = decideStamp(traces.map((t) => t.verdict));
  // No number was proposed: the likeliest line whose digits made no number is read once more (`readCandidate`).
  // Only then: a sheet whose stamp was read does without the time.
  if (stamp.kind === 'unread')
    for (const more of readsForWitness.filter((r) => r !== null).slice(0, WITNESS_LINES)) await more();
  // Every number a reading showed, for the portal's witness (src/domain/stamp-confirmation.ts).
  const read = [
    ...new Set(
      traces.flatMap((t) => t.readings.flatMap((r) => [...(r.value ? [r.value] : []), ...(r.shown ?? [])])),
    ),
  ];
  return {
    stamp: stamp.kind === 'unread' ? { ...stamp, read } : stamp,
    box: from === null ? null : traces[from]!.candidate.block,
    candidates: traces,
  };
}

type Outcome = LineJudgement;

/** The columns `from` to `to` of a line image, with a margin of paper either side as the OCR wants. */
function columnsOf(image: Mask, from: number, to: number): Mask {
  const pad = COLUMN_MARGIN;
  const width = to - from + 2 * pad;
  const data = new Uint8Array(width * image.height).fill(255);
  for (let y = 0; y < image.height; y++)
    data.set(image.data.subarray(y * image.width + from, y * image.width + to), y * width + pad);
  return { data, width, height: image.height };
}
const isNumber = (o: Outcome): o is LineNumber => o.kind === 'number';

async function readCandidate(
  pixels: Pixels,
  ocr: Ocr,
  candidate: StampCandidate,
  options: StampOptions,
): Promise<{ trace: CandidateTrace; moreForWitness: (() => Promise<void>) | null }> {
  const floor = options.confidenceFloor;
  const readings: CandidateTrace['readings'] = [];
  const geometry = new Map<0 | 180, LineGeometry>();
  /** One reading of the line one way up: a number the line's ink bears out, or why not. */
  const read = async (rendering: Rendering, turn: 0 | 180): Promise<Outcome> => {
    let shape = geometry.get(turn);
    if (!shape) geometry.set(turn, (shape = refineLine(pixels, lineOf(candidate, turn), candidate.ink)));
    const line = renderLine(pixels, shape, candidate.ink, rendering);
    if (!holdsCharacters(line.ink)) {
      readings.push({ rendering, turn, text: '', outcome: 'no-characters', value: null });
      return { kind: 'not-a-number', why: null, value: null, date: false, words: false };
    }
    const words = (await ocr(line.image, 'line')).flatMap((l) => l.words);
    let outcome = judgeLine(words, line.ink, floor);
    // Something stood before the digits that did not read as a prefix: its ink, read on its own, must.
    if (outcome.kind === 'not-a-number' && outcome.leadToRead) {
      const { from, to } = outcome.leadToRead;
      const lead = (await ocr(columnsOf(line.image, from, to), 'line')).flatMap((l) => l.words);
      outcome = judgeLine(words, line.ink, floor, { words: lead, from: from - COLUMN_MARGIN });
    }
    readings.push({
      rendering,
      turn,
      text: words.map((w) => w.text).join(' '),
      outcome: isNumber(outcome)
        ? `${outcome.printed} (${Math.round(outcome.confidence)} %)`
        : (outcome.why?.code ?? (outcome.date ? 'date' : 'none')),
      value: outcome.value,
      ...(!isNumber(outcome) && outcome.shown ? { shown: outcome.shown } : {}),
    });
    return outcome;
  };

  /**
   * Why a number one reading read is withheld after another: that reading read another number, or this one
   * where its own checks did not hold (its reason, not "(4335, 4335) disagree").
   */
  const whyNot = (value: string, other: Outcome): Said =>
    !isNumber(other) && other.value === value && other.why !== null
      ? other.why
      : said('check.stamp.readings-disagree', { one: value, other: other.value });
  /** The number two readings made differently agree on, one way up; a third when one read nothing. */
  const disagreements: { why: Said; value: string }[] = [];
  const verify = async (turn: 0 | 180, a: Reading): Promise<Reading | null> => {
    const b = await read('ink-gray', turn);
    let other = b;
    // The second reading did not read another number (none at all, or this one where its own checks did not
    // hold): a third, larger, may bear it out. Two readings still have to agree, each with its checks.
    // Not when its ink doubted the number: that doubt stands.
    if (!isNumber(b) && (b.value === null || (b.value === a.value && !inkDoubts(b))))
      other = await read('ink-mask-large', turn);
    if (isNumber(other) && agree(a, other))
      return {
        ...a,
        confidence: Math.min(a.confidence, other.confidence),
        wordConfidence: Math.min(a.wordConfidence, other.wordConfidence),
      };
    disagreements.push({ value: a.value, why: whyNot(a.value, other) });
    return null;
  };

  const barcode = barcodeTurn(candidate, options.evidence);
  const preferred: 0 | 180 = barcode ?? 0;
  const flipped: 0 | 180 = preferred === 0 ? 180 : 0;
  const readTurn = async (turn: 0 | 180) => {
    const first = await read('ink-mask', turn);
    firsts.set(turn, first);
    outcomes.push({
      turn,
      verified: isNumber(first) ? await verify(turn, first) : null,
    });
    return first;
  };
  const firsts = new Map<0 | 180, Outcome>();
  const outcomes: TurnOutcome[] = [];
  const first = await readTurn(preferred);
  // The other way up is read too: a number there as well leaves the sheet's way up in doubt. Not when the
  // line read as words the right way up.
  if (isNumber(first) || !first.words) await readTurn(flipped);
  // Digits the first reading could not make a number of (`91M12`, `27s”`): a larger rendering's reading may
  // give one for the portal's witness, which may settle what was read wrong. Read only when the sheet's
  // stamp is left unread (`readStamp`); it decides nothing. A number the first reading withheld is one for
  // the witness already.
  const firstReading = readings.find((r) => r.turn === preferred && r.rendering === 'ink-mask');
  const moreForWitness =
    !isNumber(first) &&
    !first.date &&
    !worthAsking(first.value) &&
    !(first.shown ?? []).some(worthAsking) &&
    digitsIn(firstReading?.text ?? '') >= 2
      ? async () => void (await read('ink-mask-large', preferred))
      : null;
  const choice = chooseTurn(outcomes, barcode);
  let verdict: LineVerdict;
  if (choice.kind === 'one')
    verdict = {
      kind: 'number',
      value: choice.reading.value,
      confidence: Math.round(choice.reading.confidence),
    };
  else if (choice.kind === 'two-ways' || choice.kind === 'against-barcode') verdict = choice;
  else if (disagreements[0]) verdict = { kind: 'doubtful', ...disagreements[0] };
  else {
    const all = [...firsts.values()].filter((f) => f.kind === 'not-a-number');
    const doubt = all.find((f) => f.why !== null && f.value !== null) ?? all.find((f) => f.why !== null);
    verdict = doubt
      ? { kind: 'doubtful', value: doubt.value, why: doubt.why! }
      : all.some((f) => f.date)
        ? { kind: 'date' }
        : { kind: 'none' };
  }
  return { trace: { candidate, verdict, readings }, moreForWitness };
}
