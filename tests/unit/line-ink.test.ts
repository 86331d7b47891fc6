import { describe, expect, it } from 'vitest';
import type { Pixels } from '../../src/domain/sheet-reading';
import { holdsCharacters, renderLine, type LineGeometry } from '../../src/domain/stamp-crops';
import type { InkModel } from '../../src/domain/stamp-finding';

/**
 * What a stamp's line shows of its ink once cut out for the OCR (issue 16): the digits' loops it counts,
 * whether it holds characters at all, and a dot-matrix face's digits made whole. Drawn on a small sheet of
 * paper in black ink.
 */

const PAPER = [240, 238, 230] as const;
const INK: InkModel = { colour: [40, 40, 40], paper: [...PAPER], neutral: true, hue: -1 };
const W = 480;
const H = 200;
/** Digits 60 px tall, on a line across the middle of the sheet. */
const LINE: LineGeometry = { cx: 240, cy: 100, angle: 0, length: 300, charHeight: 60 };

function sheet(draw: (ink: (x: number, y: number) => void, paper: (x: number, y: number) => void) => void) {
  const data = new Uint8Array(W * H * 4);
  for (let o = 0; o < W * H; o++) data.set([...PAPER, 255], o * 4);
  draw(
    (x, y) => data.set([40, 40, 40], (y * W + x) * 4),
    (x, y) => data.set(PAPER, (y * W + x) * 4),
  );
  return { data, width: W, height: H } satisfies Pixels;
}

/** A ring 60 px tall (a 0 in a bold face): its stroke 12 px thick round one counter. */
const ring = (cx: number, cy: number, ink: (x: number, y: number) => void, ry = 30) => {
  for (let y = cy - ry; y <= cy + ry; y++)
    for (let x = cx - 24; x <= cx + 24; x++) {
      const outer = ((x - cx) / 24) ** 2 + ((y - cy) / ry) ** 2;
      const inner = ((x - cx) / 12) ** 2 + ((y - cy) / (ry - 12)) ** 2;
      if (outer <= 1 && inner > 1) ink(x, y);
    }
};
/** A square speck of paper `size` px wide in the ink at (x, y): heavy JPEG, patchy ink. */
const speck = (x: number, y: number, size: number, paper: (x: number, y: number) => void) => {
  for (let dy = 0; dy < size; dy++) for (let dx = 0; dx < size; dx++) paper(x + dx, y + dy);
};

const loopsOf = (pixels: Pixels) =>
  renderLine(pixels, LINE, INK, 'ink-mask')
    .ink.blobs.filter((b) => b.height > 20)
    .map((b) => b.holes);

describe('the loops of a line’s digits', () => {
  it('a 0 has one loop, and a speck of paper in its stroke does not make it an 8', () => {
    const clean = sheet((ink) => ring(240, 100, ink));
    expect(loopsOf(clean)).toEqual([1]);
    // The speck is larger than the smallest loop counted, but small beside the 0's own counter.
    const specked = sheet((ink, paper) => {
      ring(240, 100, ink);
      speck(218, 96, 9, paper);
    });
    expect(loopsOf(specked)).toEqual([1]);
  });

  it('an 8’s two loops both count, the smaller one too', () => {
    // Two rings one above the other, the upper one smaller, joined into one blob.
    const eight = sheet((ink) => {
      ring(240, 84, ink, 16);
      ring(240, 115, ink, 19);
    });
    expect(loopsOf(eight)).toEqual([2]);
  });
});

describe('a line without a character is not read', () => {
  it('a plant’s stem along the line holds none; a line of digits does', () => {
    const stem = sheet((ink) => {
      for (let x = 60; x < 420; x++) for (let y = 97; y < 103; y++) ink(x, y);
    });
    expect(holdsCharacters(renderLine(stem, LINE, INK, 'ink-mask').ink)).toBe(false);
    const digits = sheet((ink) => {
      ring(160, 100, ink);
      ring(240, 100, ink);
      ring(320, 100, ink);
    });
    expect(holdsCharacters(renderLine(digits, LINE, INK, 'ink-mask').ink)).toBe(true);
  });

  it('nor is a blank stretch of paper, nor one whose only ink is a border running along it', () => {
    expect(
      holdsCharacters(
        renderLine(
          sheet(() => {}),
          LINE,
          INK,
          'ink-mask',
        ).ink,
      ),
    ).toBe(false);
    const border = sheet((ink) => {
      for (let x = 20; x < 460; x++) for (let y = 40; y < 44; y++) ink(x, y);
    });
    expect(holdsCharacters(renderLine(border, LINE, INK, 'ink-mask').ink)).toBe(false);
  });
});

describe('dot-matrix digits', () => {
  /** A 0 as a numbering machine prints it: a ring of square dots 8 px wide, with paper between them. */
  const dottedRing = (cx: number, ink: (x: number, y: number) => void) => {
    for (let k = 0; k < 12; k++) {
      const t = (k / 12) * 2 * Math.PI;
      const [x0, y0] = [Math.round(cx + 20 * Math.cos(t)) - 4, Math.round(100 + 26 * Math.sin(t)) - 4];
      for (let dy = 0; dy < 8; dy++) for (let dx = 0; dx < 8; dx++) ink(x0 + dx, y0 + dy);
    }
  };
  const characters = (pixels: Pixels, rendering: 'ink-mask' | 'ink-gray') =>
    renderLine(pixels, LINE, INK, rendering).ink.blobs.filter((b) => b.height > 0.45 * 42);

  it('each digit’s dots make one character, with its loop, for the OCR and the ink checks alike', () => {
    const zeros = sheet((ink) => [160, 240, 320].forEach((cx) => dottedRing(cx, ink)));
    const read = characters(zeros, 'ink-mask');
    expect(read).toHaveLength(3);
    expect(read.map((b) => b.holes)).toEqual([1, 1, 1]);
    // The image the OCR reads shows the strokes whole too: no paper between a digit's dots.
    const { image, ink } = renderLine(zeros, LINE, INK, 'ink-mask');
    const [first] = ink.blobs.filter((b) => b.height > 0.45 * 42);
    const middleRow = Math.round(first!.y + first!.height / 2);
    const column = first!.x + 1;
    expect(image.data[middleRow * image.width + column]).toBe(0);
  });

  it('a solid face’s digits with a speck beside each are left as they are', () => {
    // Each speck 3 px from its digit: a closing would join them, and the speck would pass for the digit's part.
    const specked = sheet((ink) => {
      for (const cx of [160, 240, 320]) {
        ring(cx, 100, ink);
        for (let d = 0; d < 25; d++) ink(cx + 27 + (d % 5), 98 + Math.floor(d / 5));
      }
    });
    const blobs = renderLine(specked, LINE, INK, 'ink-mask').ink.blobs;
    expect(blobs.filter((b) => b.height > 0.45 * 42)).toHaveLength(3);
    expect(blobs.filter((b) => b.height <= 0.2 * 42)).toHaveLength(3);
  });
});
