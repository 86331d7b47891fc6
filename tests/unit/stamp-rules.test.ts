import { describe, expect, it } from 'vitest';
import { said, type Said } from '../../src/domain/said';
import type { Box } from '../../src/domain/sheet-reading';
import { agree, chooseTurn, decideStamp, type Reading } from '../../src/domain/stamp-decision';
import {
  checkNumberInk,
  inkDoubts,
  readsAsPrefix,
  loopsOf,
  isDateLine,
  isPrefix,
  judgeLine,
  readNumberLine,
  withoutLeadingZeros,
  type LineInk,
  type OcrWord,
} from '../../src/domain/stamp-reading';
import { say } from '../../src/i18n/intl';

/**
 * The rules that decide whether a number read off a stamp may be proposed (issue 16), called directly on
 * what the OCR returns and on a line's blobs: a wrong proposal is the one thing they must never allow.
 */

/** What the screen says: a reason's code in the station's words (English in tests). */
const worded = (why: Said | null) => (why === null ? null : say(why));
const spoken = <T extends object>(x: T) =>
  'why' in x && x.why !== null ? { ...x, why: say(x.why as Said) } : x;

const H = 40;
/** A word as tesseract returns it: its characters side by side from `x`, each `H` tall unless told. */
function word(
  text: string,
  x: number,
  options: { height?: number; top?: number; confidence?: number; wordConfidence?: number } = {},
): OcrWord {
  const height = options.height ?? H;
  const top = options.top ?? 30 + (H - height);
  const width = Math.round(0.6 * height);
  const symbols = [...text].map((ch, i) => ({
    text: ch,
    confidence: options.confidence ?? 97,
    box: { x: x + i * (width + 6), y: top, width, height },
  }));
  return {
    text,
    confidence: options.wordConfidence ?? 90,
    symbols,
    box: { x, y: top, width: symbols.length * (width + 6) - 6, height },
  };
}

/** The blobs of ink under words drawn by `word` (one per character), plus any extra ones. */
function inkOf(words: OcrWord[], extra: Box[] = [], width = 700): LineInk {
  const blobs = [...words.flatMap((w) => w.symbols.map((s) => s.box)), ...extra].map((b) => ({
    ...b,
    area: b.width * b.height * 0.4,
  }));
  const size = width * 100;
  return {
    blobs,
    frame: { data: new Uint8Array(size), width, height: 100 },
    foreign: new Uint8Array(size),
    charHeight: H,
    edge: 8,
  };
}

const number = (words: OcrWord[]) => {
  const read = readNumberLine(words, H);
  if (read.kind !== 'number') throw new Error(`expected a number, got ${JSON.stringify(read)}`);
  return read;
};

describe('what stands before a stamped number', () => {
  it('takes the prefixes stamps use, as the OCR spells them', () => {
    for (const prefix of ['No.', 'N°', 'Nº', 'Ne', 'N', '#', 'Acc.', 'Reg.', 'Nr.', 'no.', '№'])
      expect(isPrefix(prefix), prefix).toBe(true);
  });

  it('does not take punctuation or letters a broken digit reads as', () => {
    for (const mark of ['(', ':', '=', 'S', 'J', 'C', '£', '3', 'N3', '~'])
      expect(isPrefix(mark), mark).toBe(false);
  });

  it('proposes the number without its prefix, and without leading zeros as accession numbers are stored', () => {
    const read = number([word('No.', 100, { height: 26 }), word('0014466', 190)]);
    expect(read).toMatchObject({ printed: '0014466', value: '14466' });
    expect(withoutLeadingZeros('0343')).toBe('343');
    expect(withoutLeadingZeros('000')).toBe('0');
    expect(number([word('N°6779', 100)])).toMatchObject({ value: '6779' });
    expect(number([word('#613', 100)])).toMatchObject({ value: '613' });
    expect(
      number([word('Reg.', 60, { height: 28 }), word('No.', 150, { height: 28 }), word('9918', 240)]),
    ).toMatchObject({ value: '9918' });
  });

  it('reads `No.` read with a zero for its o', () => {
    expect(number([word('N0.27480', 100)])).toMatchObject({ value: '27480' });
  });
});

describe('lines that are not a stamped number', () => {
  it('never proposes a date line', () => {
    for (const line of [
      '12 MAR 1961',
      '18 MAY 1980',
      '1961-03-12',
      '1995-03-21',
      '28.VII.1961',
      '10 FEB 1990',
      '12.3.1961',
    ])
      expect(isDateLine(line), line).toBe(true);
    for (const line of ['No. 4521', '8586', 'Acc. 64933', 'HERBARIUM'])
      expect(isDateLine(line), line).toBe(false);
    expect(readNumberLine([word('18', 100), word('MAY', 170), word('1980', 280)], H)).toMatchObject({
      kind: 'date',
    });
  });

  it('says so when the line shows two numbers, letters among the digits, or a number too short', () => {
    expect(spoken(readNumberLine([word('981', 100), word('081', 230)], H))).toMatchObject({
      kind: 'doubtful',
      why: 'the line shows more than one number (981, 081)',
    });
    // Neither is proposed; both are kept (zeros dropped) for the portal's witness to be asked about.
    const twoNumbers = [word('7', 60), word('~1013', 120)];
    expect(judgeLine(twoNumbers, inkOf(twoNumbers), 80)).toMatchObject({
      kind: 'not-a-number',
      value: null,
      shown: ['1013', '7'],
    });
    expect(spoken(readNumberLine([word('64g33', 100)], H))).toMatchObject({
      kind: 'doubtful',
      why: 'letters among the digits (64g33)',
    });
    expect(spoken(readNumberLine([word('17', 100)], H))).toMatchObject({
      kind: 'doubtful',
      why: '17 is too short to be an accession number',
    });
    expect(readNumberLine([word('HERBARIUM', 100)], H)).toMatchObject({ kind: 'none' });
  });

  it('a number with a character or a word after it is not proposed, but kept for the portal to be asked about', () => {
    // A typewriter's brackets, `(994)`: the `)` stands at a digit's distance.
    const bracketed = [word('(994)', 100)];
    expect(judgeLine(bracketed, inkOf(bracketed), 80)).toMatchObject({
      kind: 'not-a-number',
      value: null,
      shown: ['994'],
    });
    expect(worded((judgeLine(bracketed, inkOf(bracketed), 80) as { why: Said }).why)).toBe(
      'the number is followed by ")"',
    );
    const wordAfter = [word('0715', 100), word('Hl', 230)];
    expect(judgeLine(wordAfter, inkOf(wordAfter), 80)).toMatchObject({ value: null, shown: ['715'] });
    // Too short to ask about.
    const short = [word('27s', 100)];
    expect(judgeLine(short, inkOf(short), 80)).not.toHaveProperty('shown');
  });

  it('does not take a mark against the digits for a prefix: half a broken digit reads as one', () => {
    const broken = [word('(701', 100)];
    // The mark is set apart for a second look at its ink; until then the line is no number.
    expect(readNumberLine(broken, H)).toMatchObject({ kind: 'number', value: '701', lead: '(' });
    expect(spoken(judgeLine(broken, inkOf(broken), 80))).toMatchObject({
      kind: 'not-a-number',
      why: '"(" right before the number',
      leadToRead: { from: expect.any(Number), to: expect.any(Number) },
    });
    // Read on its own, the ink is still a mark (or a mark beside a prefix): nothing is proposed.
    for (const alone of [[word('(', 8)], [word('No.', 8), word('(', 90)], [word('3', 8)], [word(':', 8)]])
      expect(judgeLine(broken, inkOf(broken), 80, { words: alone, from: 0 })).toMatchObject({
        kind: 'not-a-number',
      });
    expect(readNumberLine([word('S701', 100)], H)).toMatchObject({ kind: 'number', lead: 'S' });
    expect(readNumberLine([word('51.9581', 100)], H)).toMatchObject({ kind: 'number', lead: '51.' });
    expect(readNumberLine([word('64g33', 100)], H)).toMatchObject({ kind: 'doubtful' });
  });

  it('takes a prefix run into the number when its ink, read on its own, is a prefix', () => {
    // `no. 10089` read as `1.10089`; `N°6779` read as `«6779`: the ink before the digits reads `no.`, `N°`
    // (the words of the second look lie over that ink: here the `«` at 100).
    const runTogether = [word('«6779', 100)];
    const cut = judgeLine(runTogether, inkOf(runTogether), 80);
    expect(cut).toMatchObject({ kind: 'not-a-number', leadToRead: expect.anything() });
    for (const prefix of ['N°', 'no.', 'Nº', '#', 'Acc.'])
      expect(
        judgeLine(runTogether, inkOf(runTogether), 80, { words: [word(prefix, 40)], from: 100 - 40 }),
        prefix,
      ).toMatchObject({ kind: 'number', value: '6779' });
    const dotted = [word('1.10089', 100)];
    expect(judgeLine(dotted, inkOf(dotted), 80, { words: [word('no.', 40)], from: 60 })).toMatchObject({
      kind: 'number',
      value: '10089',
    });
  });

  it('does not take a border read as a bar beside the number for a digit', () => {
    const bar = {
      ...word('|', 400),
      symbols: [{ text: '|', confidence: 90, box: { x: 400, y: 10, width: 4, height: 80 } }],
    };
    expect(number([word('3429', 100), bar])).toMatchObject({ value: '3429' });
  });
});

describe('the line’s ink bears the number out', () => {
  it('a clean number with its prefix', () => {
    const words = [word('Acc.', 60, { height: 28 }), word('3701', 200)];
    expect(checkNumberInk(number(words), inkOf(words))).toBeNull();
  });

  it('ink right before the number that no prefix accounts for: a digit may be missing (a broken first digit)', () => {
    const words = [word('Acc.', 60, { height: 28 }), word('701', 240)];
    const remnant = { x: 205, y: 35, width: 22, height: 30 };
    expect(worded(checkNumberInk(number(words), inkOf(words, [remnant])))).toBe(
      'there is ink right before the number that was not read (a digit may be missing)',
    );
  });

  it('more characters under the number than digits read (a wide box swallowed a broken digit)', () => {
    const words = [word('701', 200)];
    const read = number(words);
    const swallowed = { ...read, start: read.start - 30 };
    const remnant = { x: 172, y: 30, width: 20, height: 40 };
    expect(worded(checkNumberInk(swallowed, inkOf(words, [remnant])))).toBe(
      'the stamp shows more characters than the 3 digits read (a digit may be missing)',
    );
  });

  it('a number that runs to the edge of the part read may go on', () => {
    const words = [word('5120', 600)];
    expect(worded(checkNumberInk(number(words), inkOf(words, [], 700)))).toBe(
      'the number runs to the edge of the part read (it may go on)',
    );
  });

  it('a raised small mark read as the first digit (the ° of N°) is not a digit', () => {
    const words = [word('06779', 100)];
    const ink = inkOf(words);
    ink.blobs[0] = { x: 100, y: 30, width: 12, height: 12, area: 100 };
    expect(worded(checkNumberInk(number(words), ink))).toBe(
      'a raised mark at the end of the number (a sign read as a digit?)',
    );
  });

  it('another ink over the number (an old stamp under a new one, a leaf) may hide a digit', () => {
    const words = [word('2735', 100)];
    const ink = inkOf(words);
    for (let y = 30; y < 70; y++) for (let x = 150; x < 190; x++) ink.foreign[y * ink.frame.width + x] = 1;
    expect(worded(checkNumberInk(number(words), ink))).toBe(
      'another ink lies over the number (a digit may be hidden)',
    );
  });

  it('digits run into the border may hide one; a border’s side that only passes by does not', () => {
    const words = [word('4807', 200)];
    const merged = inkOf(words);
    for (let y = 35; y < 65; y++) for (let x = 170; x < 195; x++) merged.frame.data[y * 700 + x] = 1;
    expect(worded(checkNumberInk(number(words), merged))).toBe(
      "the number runs into the stamp's border (a digit may be hidden)",
    );
    const passing = inkOf(words);
    for (let y = 0; y < 100; y++) for (let x = 180; x < 183; x++) passing.frame.data[y * 700 + x] = 1;
    expect(checkNumberInk(number(words), passing)).toBeNull();
  });

  it('below the confidence floor there is no number, and it says why', () => {
    const words = [word('4488', 100, { confidence: 61 })];
    expect(spoken(judgeLine(words, inkOf(words), 80))).toMatchObject({
      kind: 'not-a-number',
      why: 'the number read (4488) is too uncertain (61 % < 80 %)',
    });
    expect(judgeLine(words, inkOf(words), 60)).toMatchObject({ kind: 'number', value: '4488' });
  });

  it('a line of sure words is text the right way up', () => {
    const words = [word('HERBARIUM', 100, { wordConfidence: 93 })];
    expect(judgeLine(words, inkOf(words, [], 900), 80)).toMatchObject({ kind: 'not-a-number', words: true });
  });
});

const reading = (printed: string, wordConfidence = 90): Reading => ({
  printed,
  value: withoutLeadingZeros(printed),
  confidence: 97,
  wordConfidence,
});

describe('independent evidence must agree', () => {
  it('two readings agree only digit for digit, leading zeros included', () => {
    expect(agree(reading('5120'), reading('5120'))).toBe(true);
    expect(agree(reading('5120'), reading('5126'))).toBe(false);
    expect(agree(reading('0343'), reading('343'))).toBe(false);
  });

  it('a line that reads a number both ways up proposes nothing unless the barcode and the confidence settle it', () => {
    const both = [
      { turn: 0 as const, verified: reading('8586', 96) },
      { turn: 180 as const, verified: reading('988', 40) },
    ];
    expect(chooseTurn(both, null)).toEqual({ kind: 'two-ways', values: ['8586', '988'] });
    expect(chooseTurn(both, 0)).toMatchObject({ kind: 'one', turn: 0, reading: { value: '8586' } });
    const close = [
      { turn: 0 as const, verified: reading('9639', 90) },
      { turn: 180 as const, verified: reading('6896', 85) },
    ];
    expect(chooseTurn(close, 0)).toEqual({ kind: 'two-ways', values: ['9639', '6896'] });
  });

  it('a number that reads only against the barcode’s way up is not proposed; one way up alone is', () => {
    const flippedOnly = [
      { turn: 0 as const, verified: null },
      { turn: 180 as const, verified: reading('6898') },
    ];
    expect(chooseTurn(flippedOnly, 0)).toEqual({ kind: 'against-barcode', value: '6898' });
    expect(chooseTurn(flippedOnly, null)).toMatchObject({ kind: 'one', turn: 180 });
    expect(chooseTurn([{ turn: 0, verified: null }], 0)).toEqual({ kind: 'none' });
  });

  it('two different numbers on a sheet (a ghost of an old stamp) propose nothing; one number is proposed', () => {
    expect(
      decideStamp([
        { kind: 'number', value: '13272', confidence: 95 },
        { kind: 'number', value: '27351', confidence: 91 },
      ]).stamp,
    ).toEqual({
      kind: 'unread',
      why: said('check.stamp.sheet-shows-two-numbers', { numbers: '13272, 27351' }),
    });
    expect(
      decideStamp([
        { kind: 'none' },
        { kind: 'number', value: '5120', confidence: 96 },
        { kind: 'number', value: '5120', confidence: 94 },
      ]),
    ).toEqual({ stamp: { kind: 'proposal', proposal: { value: '5120', confidence: 96 } }, from: 1 });
  });

  it('without a proposal, says why, from the likeliest line where a number was read', () => {
    const inkBefore = said('check.stamp.ink-before');
    expect(
      decideStamp([
        {
          kind: 'doubtful',
          value: null,
          why: said('check.stamp.line-shows-two-numbers', { numbers: '2, 4' }),
        },
        { kind: 'doubtful', value: '701', why: inkBefore },
      ]).stamp,
    ).toEqual({ kind: 'unread', why: inkBefore });
    expect(say(inkBefore)).toBe(
      'there is ink right before the number that was not read (a digit may be missing)',
    );
    expect(spoken(decideStamp([{ kind: 'date' }, { kind: 'none' }]).stamp)).toEqual({
      kind: 'unread',
      why: 'no stamped number was found on the sheet',
    });
    expect(spoken(decideStamp([{ kind: 'two-ways', values: ['8586', '988'] }]).stamp)).toEqual({
      kind: 'unread',
      why: 'the stamp reads 8586 one way up and 988 the other way up',
    });
  });
});

describe('the digits’ loops bear the number out', () => {
  /** The blobs under the words, each with the closed loops the ink really has (`loops`, one per character). */
  const withLoops = (words: OcrWord[], loops: number[]): LineInk => {
    const ink = inkOf(words);
    return { ...ink, blobs: ink.blobs.map((b, i) => ({ ...b, holes: loops[i] ?? 0 })) };
  };

  it('counts the loops digits have: 0, 6 and 9 one, 8 two, 4 either', () => {
    expect(loopsOf('9013')).toEqual({ min: 2, max: 2 });
    expect(loopsOf('8586')).toEqual({ min: 5, max: 5 });
    expect(loopsOf('4521')).toEqual({ min: 0, max: 1 });
  });

  it('a 9 read as 2 (both readings, a bold face on a sheet scanned sideways) is not proposed: its loop is there', () => {
    const words = [word('2013', 200)];
    // The stamp says 9013: the 9's loop and the 0's.
    expect(worded(checkNumberInk(number(words), withLoops(words, [1, 1, 0, 0])))).toBe(
      'the shape of the digits does not match the number read (a loop where the reading has none, or none where it has one)',
    );
  });

  it('the same digits read right pass', () => {
    const words = [word('9013', 200)];
    expect(checkNumberInk(number(words), withLoops(words, [1, 1, 0, 0]))).toBeNull();
  });

  it('an 8 read as 3 is not proposed either, and ink not measured for loops is not judged by them', () => {
    const words = [word('3586', 200)];
    expect(checkNumberInk(number(words), withLoops(words, [2, 0, 2, 1]))).not.toBeNull();
    expect(checkNumberInk(number(words), inkOf(words))).toBeNull();
  });

  it('a loop missing counts in solid digits (an 8 read for a 3), not where the ink is in pieces', () => {
    // 3581 read as 8581: four solid digits whose ink has the 8's two loops, where 8581 needs four.
    const misread = [word('8581', 200)];
    expect(checkNumberInk(number(misread), withLoops(misread, [0, 0, 2, 0]))).not.toBeNull();
    // A stencil's 0343: each digit in two pieces, the 0's counter open. Its loop is not there to count.
    const stencil = [word('0343', 200)];
    const pieces = inkOf(stencil);
    const halves = pieces.blobs.flatMap((b) => [
      { ...b, width: b.width / 2 - 1, holes: 0 },
      { ...b, x: b.x + b.width / 2 + 1, width: b.width / 2 - 1, holes: 0 },
    ]);
    expect(checkNumberInk(number(stencil), { ...pieces, blobs: halves })).toBeNull();
  });
});

describe('a word before the number that is not a prefix as it reads', () => {
  it('`[N0.` is the prefix `No.` behind a border’s edge, not a second number', () => {
    expect(number([word('[N0.', 60, { height: 28 }), word('54688', 160)])).toMatchObject({ value: '54688' });
  });

  it('its ink right before the digits is read again on its own: a prefix there lets the number through', () => {
    // `~ 13272`: a `N°` read as `~`, its ink a character's gap before the digits.
    const words = [word('~', 72), word('13272', 110)];
    const first = judgeLine(words, inkOf(words), 80);
    expect(spoken(first)).toMatchObject({
      kind: 'not-a-number',
      why: 'there is ink right before the number that was not read (a digit may be missing)',
      leadToRead: expect.anything(),
    });
    expect(judgeLine(words, inkOf(words), 80, { words: [word('N°', 60)], from: 0 })).toMatchObject({
      kind: 'number',
      value: '13272',
    });
    // Read on its own it is still a mark, or a digit: nothing is proposed.
    for (const alone of [[word('~', 72)], [word('1', 72)], [word('No.(', 60)]])
      expect(judgeLine(words, inkOf(words), 80, { words: alone, from: 0 })).toMatchObject({
        kind: 'not-a-number',
      });
  });

  it('a prefix read on its own does not excuse what is left of a broken first digit between it and the number', () => {
    // `Acc. 3701` with the 3 mostly gone: `ace. 701`, and a flat piece of the 3 before the 7.
    const words = [word('ace.', 90, { height: 28 }), word('701', 214)];
    const ink = inkOf(words, [{ x: 180, y: 58, width: 28, height: 10 }]);
    expect(judgeLine(words, ink, 80)).toMatchObject({ kind: 'not-a-number', leadToRead: expect.anything() });
    expect(judgeLine(words, ink, 80, { words: [word('Acc.', 40)], from: 50 })).toMatchObject({
      kind: 'not-a-number',
    });
    // The same line without the piece of the 3: the prefix accounts for its ink and 701 is proposed.
    expect(judgeLine(words, inkOf(words), 80, { words: [word('Acc.', 40)], from: 50 })).toMatchObject({
      kind: 'number',
      value: '701',
    });
  });
});

describe('what one reading’s ink says outweighs other readings', () => {
  it('ink that says a digit may be missing is a doubt that stands, and so is a mark before the digits; a low confidence is not', () => {
    const words = [word('701', 214)];
    const broken = inkOf(words, [{ x: 180, y: 40, width: 12, height: 30 }]);
    const withInk = judgeLine(words, broken, 80);
    expect(withInk).toMatchObject({ kind: 'not-a-number', value: '701' });
    expect(inkDoubts(withInk)).toBe(true);
    const marked = [word('«6779', 100)];
    expect(inkDoubts(judgeLine(marked, inkOf(marked), 80))).toBe(true);
    const unsure = [word('701', 214, { confidence: 70 })];
    expect(judgeLine(unsure, inkOf(unsure), 80)).toMatchObject({ kind: 'not-a-number', value: '701' });
    expect(inkDoubts(judgeLine(unsure, inkOf(unsure), 80))).toBe(false);
  });
});

describe('a prefix read on its own is a whole prefix, and its ink is its characters and nothing more', () => {
  it('takes the prefixes as stamps print them, not the OCR’s looser spellings or a mark beside them', () => {
    for (const prefix of [['No.'], ['N°'], ['Nº'], ['no.'], ['#'], ['Acc.'], ['Reg.', 'No.'], ['Nr.']])
      expect(readsAsPrefix(prefix.map((p, i) => word(p, 10 + 100 * i))), prefix.join(' ')).toBe(true);
    // (A `(` read as a word of its own is a border's edge to the words; its ink is judged by the count below.)
    for (const mark of [['n'], ['Ne'], ['Nc'], ['No.('], ['No.:'], ['No.', '3'], ['3'], ['~']])
      expect(readsAsPrefix(mark.map((p, i) => word(p, 10 + 100 * i))), mark.join(' ')).toBe(false);
    // In the number's own word too: `No.(701` is not `No.` and 701.
    expect(readNumberLine([word('No.(701', 100)], H)).toMatchObject({ kind: 'number', lead: 'No.(' });
  });

  /** A line `No. ▯701` in blobs: N, o and the dot at the baseline, then what is left of a first digit. */
  const line = (left: Box[]): LineInk => {
    const digits = [200, 230, 260].map((x) => ({ x, y: 30, width: 24, height: 40 }));
    const prefix = [
      { x: 60, y: 30, width: 24, height: 40 },
      { x: 90, y: 48, width: 20, height: 22 },
      { x: 116, y: 63, width: 7, height: 7 },
    ];
    return { ...inkOf([]), blobs: [...prefix, ...left, ...digits].map((b) => ({ ...b, area: 100 })) };
  };
  const main = [word(':701', 170)];
  const noDot = {
    from: 0,
    words: [
      {
        text: 'No.',
        confidence: 90,
        box: { x: 60, y: 30, width: 63, height: 40 },
        symbols: [
          { text: 'N', confidence: 90, box: { x: 60, y: 30, width: 24, height: 40 } },
          { text: 'o', confidence: 90, box: { x: 90, y: 48, width: 20, height: 22 } },
          { text: '.', confidence: 90, box: { x: 116, y: 63, width: 7, height: 7 } },
        ],
      },
    ],
  };

  it('a worn first digit read as `:` beside a prefix that reads `No.` on its own is not dropped', () => {
    // 3701 with the 3 worn to its two arc ends, one raised like a `°`, one low like a dot.
    const worn = line([
      { x: 172, y: 33, width: 9, height: 9 },
      { x: 172, y: 59, width: 9, height: 9 },
    ]);
    expect(judgeLine(main, worn, 80)).toMatchObject({ kind: 'not-a-number', leadToRead: expect.anything() });
    expect(judgeLine(main, worn, 80, noDot)).toMatchObject({ kind: 'not-a-number' });
    // One arc end alone is a second dot where the reading shows one.
    const one = line([{ x: 172, y: 59, width: 9, height: 9 }]);
    expect(judgeLine(main, one, 80, noDot)).toMatchObject({ kind: 'not-a-number' });
  });

  it('the same prefix with nothing else before the digits lets the number through', () => {
    const clean = line([]);
    expect(judgeLine([word('No.', 60), word('701', 200)], clean, 80)).toMatchObject({ value: '701' });
    expect(judgeLine(main, clean, 80, noDot)).toMatchObject({ kind: 'number', value: '701' });
  });
});
