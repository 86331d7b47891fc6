import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/journal/station-journal';
import { undoPlan } from '../../src/journal/undo';
import { say } from '../../src/i18n/intl';
import { linkEntry } from '../support/journal-entries';

const entry = (over: Partial<JournalEntry>): JournalEntry =>
  linkEntry({
    before: { catalognumber: null, processingstatus: null },
    after: { catalognumber: 'DEMO0009001', processingstatus: 'stage 1' },
    ...over,
  });

describe('what an undo writes, or why it cannot', () => {
  it('writes barcode and status back to what they were', () => {
    expect(undoPlan(entry({}), [])).toEqual({
      ok: true,
      changes: [
        { field: 'catalognumber', wrote: 'DEMO0009001', previous: null },
        { field: 'processingstatus', wrote: 'stage 1', previous: null },
      ],
    });
  });

  it.each([
    [entry({ outcome: 'failed' }), 'Nothing was written'],
    [entry({ action: 'merge' }), 'cannot undo a merge'],
    [entry({ action: 'escalation', before: {}, occid: 43 }), 'Record 43 was created by this escalation'],
    [
      entry({
        action: 'accession',
        before: { othercatalognumbers: null },
        after: { othercatalognumbers: '5120' },
      }),
      'checks no rights',
    ],
  ])('refuses %#', (e, why) => {
    const plan = undoPlan(e, []);
    expect(plan.ok).toBe(false);
    expect(plan.ok ? '' : say(plan.why)).toContain(why);
  });

  it('refuses an entry already undone', () => {
    const undone = entry({ id: 2, action: 'undo', undoes: 1 });
    const plan = undoPlan(entry({}), [undone]);
    expect(plan.ok ? '' : say(plan.why)).toBe('It has already been undone.');
  });
});
