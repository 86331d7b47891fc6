import type { OutboxItem } from '../../domain/outbox';
import type { OutboxView } from '../../outbox/durable-portal';
import type { WorkEntry, WorkState } from '../../ui/session-list';
import type { SessionLink } from './imaging-store';

const STATE: Record<OutboxItem['state'], WorkState> = {
  waiting: 'saving',
  sending: 'saving',
  done: 'linked',
  refused: 'failed',
  'needs-decision': 'failed',
};

/**
 * Links an earlier page of this station decided (before a reload, a crash or a closed tab): the outbox
 * still has them, so "This session" shows them with their outcome.
 */
export function recoveredLinks(view: OutboxView, user: string, links: SessionLink[]): WorkEntry[] {
  return (
    view.items
      // Left unfinished by an earlier page: still waiting, or finished since this page opened.
      .filter(
        (i) =>
          i.user === user &&
          i.createdAt < view.openedAt &&
          (i.settledAt === null || i.settledAt >= view.openedAt),
      )
      .flatMap((i, index) => {
        const intent = i.intent;
        if (intent.kind !== 'barcode' || links.some((l) => l.barcode === intent.barcode)) return [];
        const how = i.confirmedByReading ? ' (confirmed by reading the portal after an unclear answer)' : '';
        return [
          {
            id: -1 - index,
            barcode: intent.barcode,
            occid: intent.occid,
            label: `record ${intent.occid}, from before the station was reopened`,
            state: STATE[i.state],
            message: i.state === 'done' ? `Saved in the portal${how}.` : i.message,
            reopenable: false,
            retryable: false,
            at: i.settledAt ?? i.createdAt,
          },
        ];
      })
  );
}
