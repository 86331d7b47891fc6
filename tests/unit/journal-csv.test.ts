import { describe, expect, it } from 'vitest';
import { csvCell, journalToCsv } from '../../src/journal/journal-csv';
import { linkEntry } from '../support/journal-entries';

const entry = linkEntry;

describe('journal CSV export', () => {
  it('writes one row per action, oldest first, with before and after values', () => {
    const csv = journalToCsv([
      entry({
        id: 2,
        at: '2026-11-23T09:05:00.000Z',
        action: 'escalation',
        occid: 43,
        message: 'no record found, stamp 9999',
      }),
      entry({}),
    ]);
    expect(csv.split('\r\n')).toEqual([
      'time,user,collection,action,record,barcode,before,after,outcome,message',
      '2026-11-23T09:00:00.000Z,tech,1,link,1,DEMO0009001,catalognumber=,catalognumber=DEMO0009001,done,"DEMO0009001 → accession 1499, J. Smith 212."',
      '2026-11-23T09:05:00.000Z,tech,1,escalation,43,DEMO0009001,catalognumber=,catalognumber=DEMO0009001,done,"no record found, stamp 9999"',
      '',
    ]);
  });

  it('quotes separators and quotes, and defuses values a spreadsheet would run as formulas', () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-12')).toBe("'-12");
    expect(csvCell(null)).toBe('');
    expect(csvCell(43)).toBe('43');
  });
});
