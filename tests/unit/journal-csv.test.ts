import { describe, expect, it } from 'vitest';
import { say } from '../../src/i18n/intl';
import { csvCell, journalToCsv } from '../../src/journal/journal-csv';
import { linkEntry } from '../support/journal-entries';

const entry = linkEntry;

describe('journal CSV export', () => {
  it('writes one row per action, oldest first, with before and after values, the code and its values, and the words', () => {
    const csv = journalToCsv(
      [
        entry({
          id: 2,
          at: '2026-11-23T09:05:00.000Z',
          action: 'escalation',
          occid: 43,
          said: {
            code: 'journal.done.create',
            values: {
              occid: 43,
              barcode: 'DEMO0009001',
              status: 'expert required',
              confirmedByReading: false,
            },
          },
        }),
        entry({}),
      ],
      say,
    );
    expect(csv.split('\r\n')).toEqual([
      'time,user,collection,action,record,barcode,before,after,outcome,code,values,message',
      '2026-11-23T09:00:00.000Z,tech,1,link,1,DEMO0009001,catalognumber=,catalognumber=DEMO0009001,done,journal.done.barcode,"{""occid"":1,""barcode"":""DEMO0009001"",""status"":null,""confirmedByReading"":false}",Barcode DEMO0009001 saved on record 1.',
      '2026-11-23T09:05:00.000Z,tech,1,escalation,43,DEMO0009001,catalognumber=,catalognumber=DEMO0009001,done,journal.done.create,"{""occid"":43,""barcode"":""DEMO0009001"",""status"":""expert required"",""confirmedByReading"":false}","Record 43 created for barcode DEMO0009001 with status ""Expert Required""."',
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
