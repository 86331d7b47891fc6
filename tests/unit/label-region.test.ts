import { describe, expect, it } from 'vitest';
import {
  LABEL_REGION,
  labelMask,
  turnOfBarcode,
  type Pixels,
  type SheetTurn,
} from '../../src/domain/sheet-reading';

/** A small upright "sheet": paper, with a few ink marks in and out of the label's corner. */
function uprightSheet(width = 60, height = 80): Pixels {
  const data = new Uint8Array(width * height * 4).fill(240);
  const ink = (x: number, y: number) => data.fill(20, (y * width + x) * 4, (y * width + x) * 4 + 3);
  for (const [x, y] of [
    [30, 62],
    [31, 62],
    [45, 70],
    [58, 79],
    [29, 60],
    [5, 5],
  ] as const)
    ink(x, y);
  return { data, width, height };
}

/** The same sheet as a scanner turned it clockwise by `turn`. */
function turned(sheet: Pixels, turn: SheetTurn): Pixels {
  const { width: w, height: h } = sheet;
  const sideways = turn === 90 || turn === 270;
  const W = sideways ? h : w;
  const H = sideways ? w : h;
  const data = new Uint8Array(W * H * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const [X, Y] =
        turn === 0
          ? [x, y]
          : turn === 90
            ? [h - 1 - y, x]
            : turn === 180
              ? [w - 1 - x, h - 1 - y]
              : [y, w - 1 - x];
      data.set(sheet.data.subarray((y * w + x) * 4, (y * w + x) * 4 + 4), (Y * W + X) * 4);
    }
  return { data, width: W, height: H };
}

describe('the label of a sheet scanned sideways or upside down', () => {
  it.each([90, 180, 270] as const)(
    'is cut from where a scan turned %i° holds it, and comes out upright',
    (turn) => {
      const sheet = uprightSheet();
      const upright = labelMask(sheet);
      const fromTurned = labelMask(turned(sheet, turn), LABEL_REGION, turn);
      expect([fromTurned.width, fromTurned.height]).toEqual([upright.width, upright.height]);
      expect([...fromTurned.data]).toEqual([...upright.data]);
      // The ink inside the label's corner is there; the mark at the top left is not.
      expect(upright.data.filter((v) => v === 0).length).toBe(5);
    },
  );

  it('takes the turn from the barcode’s direction', () => {
    expect([0, 90, 180, -90, 270, 88, -2, 360].map(turnOfBarcode)).toEqual([0, 90, 180, 270, 270, 90, 0, 0]);
    expect(turnOfBarcode(undefined)).toBeNull();
  });
});

describe('the second, local look at a label', () => {
  /** A label corner of paper (235) with a blurred stroke (170, too pale for the plain look) and a scanner's dark edge (50). */
  function blurredLabelOnScanner(): Pixels {
    const width = 400;
    const height = 400;
    const data = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const stroke = y >= 340 && y < 344 && x >= 220 && x < 320;
        const scanner = x >= 360;
        data.fill(scanner ? 50 : stroke ? 170 : 235, (y * width + x) * 4, (y * width + x) * 4 + 3);
      }
    return { data, width, height };
  }
  const inkAt = (mask: { data: Uint8Array; width: number }, x: number, y: number) =>
    mask.data[y * mask.width + x] === 0;
  // The label region starts at 46 % across and 74 % down: (184, 296) on this sheet.
  const at = (x: number, y: number) => [x - 184, y - 296] as const;

  it('keeps a pale, blurred stroke the plain look drops', () => {
    const sheet = blurredLabelOnScanner();
    expect(inkAt(labelMask(sheet), ...at(270, 341))).toBe(false);
    expect(inkAt(labelMask(sheet, LABEL_REGION, 0, 'local'), ...at(270, 341))).toBe(true);
  });

  it('takes neither even paper nor the even dark of a scanner’s background for print', () => {
    const local = labelMask(blurredLabelOnScanner(), LABEL_REGION, 0, 'local');
    expect(inkAt(local, ...at(250, 310))).toBe(false);
    expect(inkAt(local, ...at(395, 320))).toBe(false);
    // The plain look takes the dark background for print.
    expect(inkAt(labelMask(blurredLabelOnScanner()), ...at(395, 320))).toBe(true);
  });

  it('is cut from where a turned scan holds the label, like the plain look', () => {
    const sheet = blurredLabelOnScanner();
    const upright = labelMask(sheet, LABEL_REGION, 0, 'local');
    const fromTurned = labelMask(turned(sheet, 90), LABEL_REGION, 90, 'local');
    expect([...fromTurned.data]).toEqual([...upright.data]);
  });
});
