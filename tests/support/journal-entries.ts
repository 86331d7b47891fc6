import type { JournalEntry } from '../../src/journal/station-journal';

/** A journal entry as Option 1 writes it for stamp 1499 linked to DEMO0009001; override what a test needs. */
export const linkEntry = (over: Partial<JournalEntry> = {}): JournalEntry => ({
  id: 1,
  at: '2026-11-23T09:00:00.000Z',
  user: 'tech',
  collid: 1,
  action: 'link',
  occid: 1,
  barcode: 'DEMO0009001',
  before: { catalognumber: null },
  after: { catalognumber: 'DEMO0009001' },
  outcome: 'done',
  said: {
    code: 'journal.done.barcode',
    values: { occid: 1, barcode: 'DEMO0009001', status: null, confirmedByReading: false },
  },
  ...over,
});
