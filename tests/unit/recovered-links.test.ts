import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../src/domain/outbox';
import { recoveredLinks } from '../../src/features/link-while-imaging/recovered-links';

const OPENED = 1_000_000;
const link = (barcode: string, over: Partial<OutboxItem>): OutboxItem => ({
  id: barcode,
  user: 'tech',
  intent: { kind: 'barcode', collid: 1, occid: 1, barcode, status: null },
  state: 'done',
  waitingFor: null,
  attempts: 1,
  nextTryAt: null,
  message: null,
  confirmedByReading: false,
  createdAt: OPENED - 5_000,
  settledAt: OPENED - 4_000,
  resultOccid: 1,
  ...over,
});

describe('"This session" after the station was reopened', () => {
  it('shows the links an earlier page left unfinished, not every link of the day', () => {
    const view = {
      items: [
        link('DEMO0000001', {}), // finished by the earlier page itself
        link('DEMO0000002', { settledAt: OPENED + 2_000, confirmedByReading: true }), // finished here
        link('DEMO0000003', { state: 'waiting', settledAt: null }), // still waiting
        link('DEMO0000004', { createdAt: OPENED + 1, settledAt: OPENED + 10 }), // this page's own
        link('DEMO0000005', { user: 'curator', settledAt: null, state: 'waiting' }), // someone else's
      ],
      offline: false,
      sessionEnded: false,
      durable: true,
      openedAt: OPENED,
    };
    expect(recoveredLinks(view, 'tech', []).map((l) => [l.barcode, l.state, l.message])).toEqual([
      [
        'DEMO0000002',
        'linked',
        'Saved in the portal (confirmed by reading the portal after an unclear answer).',
      ],
      ['DEMO0000003', 'saving', null],
    ]);
  });
});
