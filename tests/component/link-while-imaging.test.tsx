import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { messyHerbarium } from '../support/messy-herbarium';
import { ImagingStation } from './drivers/imaging-station';

let station: ImagingStation | null = null;
afterEach(() => {
  station?.close();
  station = null;
});
const open = async (options: Parameters<typeof ImagingStation.open>[0] = {}) =>
  (station = await ImagingStation.open(options));

describe('link while imaging: a stamped specimen', () => {
  it('links in three inputs: stamp + Enter, Enter to confirm, scan', async () => {
    const s = await open();
    expect(s.stampField()).toHaveFocus();
    await s.typeStamp('1499');
    await s.confirmCard();
    expect(screen.getByText(/Searched 1499, 01499, 001499 — found 1 record: 1499/)).toBeInTheDocument();
    expect(screen.getByRole('article', { name: /Record 1 found by stamped number/ })).toHaveTextContent(
      'J. Smith',
    );
    await s.press('{Enter}');
    expect(s.barcodeField()).toHaveFocus();
    await s.scan('DEMO0009001');
    await s.waitForSessionRow('DEMO0009001', /Linked/);
    expect(s.field(1, 'catalogNumber')).toBe('DEMO0009001');
    expect(s.fake.editsOf(1).map((e) => [e.fieldName, e.newValue])).toEqual([
      ['catalognumber', 'DEMO0009001'],
    ]);
    expect(s.notice()).toMatch(/DEMO0009001 → accession 1499, J. Smith 212/);
    expect(s.stampField()).toHaveFocus();
    expect(s.stampField()).toHaveValue('');
  });

  it('finds 0145 when 145 is typed, and says what it searched', async () => {
    const s = await open();
    await s.typeStamp('145');
    await s.confirmCard();
    expect(s.notice()).toContain('Searched 145, 0145, 00145, 000145 — found 1 record: 0145');
    expect(screen.getByRole('article')).toHaveTextContent('R. A. Darrow');
  });
});
