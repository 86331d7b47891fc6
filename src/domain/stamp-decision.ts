import { said, type Said } from './said';
import type { StampReading } from './sheet-reading';

/**
 * Whether a number read off a sheet may be proposed (issue 16). The technician is trained to press Enter, so
 * a wrong proposal is the one thing this must never do, and confidence does not tell right from wrong
 * (wrong readings scored 88–96, right ones 89–96). A number is proposed only when independent evidence
 * agrees: two readings made differently read the same digits, the line's ink bears the number out, its
 * digits are above the confidence floor, it reads only one way up, and it is the only number on the sheet.
 * Pure rules.
 */

/** A number one reading found on a line and the line's ink bore out. */
export interface Reading {
  printed: string;
  value: string;
  confidence: number;
  wordConfidence: number;
}

/** Two readings agree digit for digit, leading zeros included. */
export const agree = (a: Reading, b: Reading) => a.printed === b.printed;

/** The line read one way up: the number two readings agreed on, if they did. */
export interface TurnOutcome {
  turn: 0 | 180;
  verified: Reading | null;
}

export type TurnChoice =
  | { kind: 'one'; turn: 0 | 180; reading: Reading }
  | { kind: 'two-ways'; values: [string, string] }
  | { kind: 'against-barcode'; value: string }
  | { kind: 'none' };

/**
 * Which way up a line reads. A line read upside down can give a tidy number too (`8586` upside down reads
 * `988`), so when both ways give a verified number, one is taken only where the barcode shows which way up
 * the sheet is and that way reads far more surely; otherwise nothing is proposed. A number that reads only
 * against the barcode's way up is not proposed either.
 */
export function chooseTurn(outcomes: TurnOutcome[], barcodeTurn: 0 | 180 | null): TurnChoice {
  const verified = outcomes.filter((o): o is TurnOutcome & { verified: Reading } => o.verified !== null);
  const [one, other] = verified;
  if (!one) return { kind: 'none' };
  if (!other || other.verified.value === one.verified.value) {
    if (barcodeTurn !== null && one.turn !== barcodeTurn && !other)
      return { kind: 'against-barcode', value: one.verified.value };
    return { kind: 'one', turn: one.turn, reading: one.verified };
  }
  const upright = verified.find((v) => v.turn === barcodeTurn);
  const flipped = verified.find((v) => v.turn !== barcodeTurn);
  if (upright && flipped && upright.verified.wordConfidence >= flipped.verified.wordConfidence + 30)
    return { kind: 'one', turn: upright.turn, reading: upright.verified };
  return { kind: 'two-ways', values: [one.verified.value, other.verified.value] };
}

/** What one candidate line came to. */
export type LineVerdict =
  | { kind: 'number'; value: string; confidence: number }
  | { kind: 'two-ways'; values: [string, string] }
  | { kind: 'against-barcode'; value: string }
  | { kind: 'doubtful'; value: string | null; why: Said }
  | { kind: 'date' }
  | { kind: 'none' };

/**
 * The sheet's proposal from its candidate lines, the likeliest first: one number, or nothing and why. Two
 * different numbers (an old stamp's ghost beside the current one, a number on the label) propose nothing:
 * which one is the accession number is for the technician to see.
 */
export function decideStamp(verdicts: LineVerdict[]): { stamp: StampReading; from: number | null } {
  const numbers = verdicts.flatMap((v, i) => (v.kind === 'number' ? [{ v, i }] : []));
  const values = [...new Set(numbers.map(({ v }) => v.value))];
  if (values.length > 1)
    return {
      stamp: {
        kind: 'unread',
        why: said('check.stamp.sheet-shows-two-numbers', { numbers: values.join(', ') }),
      },
      from: numbers[0]!.i,
    };
  const twoWays = verdicts.findIndex((v) => v.kind === 'two-ways');
  const twoWay = verdicts[twoWays];
  if (twoWay?.kind === 'two-ways' && (values.length === 0 || twoWay.values.some((v) => values.includes(v))))
    return {
      stamp: {
        kind: 'unread',
        why: said('check.stamp.two-ways-up', { one: twoWay.values[0], other: twoWay.values[1] }),
      },
      from: twoWays,
    };
  const first = numbers[0];
  if (first)
    return {
      stamp: { kind: 'proposal', proposal: { value: first.v.value, confidence: first.v.confidence } },
      from: first.i,
    };
  const against = verdicts.findIndex((v) => v.kind === 'against-barcode');
  const againstVerdict = verdicts[against];
  if (againstVerdict?.kind === 'against-barcode')
    return {
      stamp: {
        kind: 'unread',
        why: said('check.stamp.against-barcode', { number: againstVerdict.value }),
      },
      from: against,
    };
  // The reason of the likeliest line where a number was read, else of any line that looked like one.
  let doubt = verdicts.findIndex((v) => v.kind === 'doubtful' && v.value !== null);
  if (doubt < 0) doubt = verdicts.findIndex((v) => v.kind === 'doubtful');
  const doubtful = verdicts[doubt];
  if (doubtful?.kind === 'doubtful') return { stamp: { kind: 'unread', why: doubtful.why }, from: doubt };
  return { stamp: { kind: 'unread', why: said('check.stamp.none-found') }, from: null };
}
