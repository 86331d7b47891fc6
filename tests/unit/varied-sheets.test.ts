// @vitest-environment node
import type { Worker } from 'tesseract.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { learnProfile, sampleStamp } from '../../src/domain/stamp-profile-learning';
import { decodeSheet, ocrWorker, readSheet } from '../support/sheet-pipeline';
import { HELD_OUT, VARIED_SHEETS, VARIED_SHEETS_DIR, variedSheet } from '../support/varied-sheets';

/**
 * Sheets unlike the demo's, read as the station reads them (src/readers/read-sheet.ts, at the app's scale):
 * a sample of the varied set in every ink, place and turn; the whole set is read by `npm run bench`. A wrong
 * proposal is the one outcome no sheet may have.
 */
const READ_RIGHT = [
  ['varied-001', 'violet, top right'],
  ['varied-002', 'violet oval, "No." prefix, by the barcode'],
  ['varied-004', '"#" prefix, numbering machine, right edge'],
  ['varied-011', 'blue, "Acc." prefix, sheet upside down'],
  ['varied-012', 'blue, date line under the number, tilted 11°'],
  ['varied-014', 'blue, blurred, by the label'],
  ['varied-019', 'black, "Reg. No.", date line, sheet turned 270°'],
  ['varied-026', 'red, large'],
  ['varied-029', 'green, faint, half resolution, heavy JPEG'],
  ['varied-041', 'violet, bottom right, sheet upside down'],
  ['varied-046', 'green, over-inked, sheet turned 90°'],
  ['varied-047', 'red, six digits, date line'],
] as const;

const NO_STAMP = ['varied-048', 'varied-049', 'varied-051'];

describe('the varied sheets (a sample), read as the station reads them', () => {
  let worker: Worker;
  beforeAll(async () => {
    worker = await ocrWorker();
  }, 60_000);
  afterAll(() => worker.terminate());

  it('the sample keeps out of the held-out sheets', () => {
    for (const [id] of READ_RIGHT) expect(HELD_OUT).not.toContain(id);
  });

  it.each(READ_RIGHT)(
    '%s (%s): its number is proposed',
    async (id) => {
      const sheet = variedSheet(id);
      const read = await readSheet(worker, `${VARIED_SHEETS_DIR}/${sheet.file}`);
      expect(read.stamp).toMatchObject({ kind: 'proposal', proposal: { value: sheet.accession } });
    },
    30_000,
  );

  it.each(NO_STAMP)(
    '%s: no stamp, a large number printed on the label, and nothing is proposed',
    async (id) => {
      const read = await readSheet(worker, `${VARIED_SHEETS_DIR}/${variedSheet(id).file}`);
      expect(read.stamp.kind).toBe('unread');
    },
    30_000,
  );

  it('two readings that disagree (2595, 2095) propose nothing, and keep both numbers for the portal to settle', async () => {
    const read = await readSheet(worker, `${VARIED_SHEETS_DIR}/${variedSheet('varied-039').file}`);
    expect(read.stamp).toMatchObject({
      kind: 'unread',
      why: { code: 'check.stamp.readings-disagree' },
      read: expect.arrayContaining(['2595', '2095']),
    });
  }, 30_000);

  it('patchy black digits (No. 15098) are read, withheld by their checks, and kept for the portal to settle', async () => {
    const read = await readSheet(worker, `${VARIED_SHEETS_DIR}/${variedSheet('varied-058').file}`);
    expect(read.stamp).toMatchObject({ kind: 'unread', read: expect.arrayContaining(['15098']) });
  }, 30_000);

  it('a four-digit stamp whose first digit is mostly gone: the three left are not proposed', async () => {
    const read = await readSheet(worker, `${VARIED_SHEETS_DIR}/${variedSheet('varied-021').file}`);
    expect(read.stamp).toMatchObject({
      kind: 'unread',
      why: { code: expect.stringMatching(/^check\.stamp\./) },
    });
  }, 30_000);
});

describe('a collection stamping in black at the bottom left, calibrated on three sheets', () => {
  let worker: Worker;
  beforeAll(async () => {
    worker = await ocrWorker();
  }, 60_000);
  afterAll(() => worker.terminate());

  it('learns its profile from the boxed sheets, then reads the other five: right or nothing, never wrong', async () => {
    const collection = VARIED_SHEETS.filter((s) => s.collection === 'black-ink');
    const boxed = collection.filter((s) => s.calibration);
    expect(boxed).toHaveLength(3);
    // The boxes a supervisor draws, as shares of the sheet: the manifest's stamp boxes.
    const samples = boxed.map((s) => {
      const pixels = decodeSheet(`${VARIED_SHEETS_DIR}/${s.file}`);
      const box = s.stampBox!;
      return sampleStamp(pixels, {
        left: box.x / pixels.width,
        top: box.y / pixels.height,
        right: (box.x + box.width) / pixels.width,
        bottom: (box.y + box.height) / pixels.height,
      });
    });
    expect(samples.every((s) => s !== null && s.ink.neutral)).toBe(true);
    const profile = learnProfile(
      samples.filter((s) => s !== null),
      1,
      new Date('2026-12-01T09:30:00Z'),
    );
    expect(profile.regions.portrait!.left).toBe(0);
    expect(profile.regions.portrait!.top).toBeGreaterThan(0.55);

    const outcomes = [];
    for (const sheet of collection.filter((s) => !s.calibration)) {
      const read = await readSheet(worker, `${VARIED_SHEETS_DIR}/${sheet.file}`, { profile });
      outcomes.push({
        expected: sheet.accession,
        proposed: read.stamp.kind === 'proposal' ? read.stamp.proposal.value : null,
      });
    }
    expect(outcomes.filter((o) => o.proposed !== null && o.proposed !== o.expected)).toEqual([]);
    expect(outcomes.filter((o) => o.proposed === o.expected).length).toBeGreaterThanOrEqual(4);
  }, 120_000);
});
