import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { rowWords, taskRow } from '../../domain/task-rows';
import { said } from '../../domain/said';
import type { JournalEntry } from '../../journal/station-journal';
import { undoTask } from '../../journal/undo';
import { useOutboxView } from '../../ui/outbox-status';
import { useStation } from '../../ui/station';
import type { Notice } from '../../ui/status-line';

/** What a journal entry's fields held, as one line: `catalognumber: DEMO0009001, processingstatus: —`. */
export const shown = (values: Record<string, string | null>) =>
  Object.entries(values)
    .map(([field, value]) => `${field}: ${value ?? '—'}`)
    .join(', ') || '—';

/**
 * The controller of the Journal: its entries, following the outbox as it journals tasks, and Undo as a
 * task like any other (the outbox writes it and journals it).
 */
export function useJournal() {
  const { journal, collid, outbox } = useStation();
  const queryClient = useQueryClient();
  const entries = useQuery({ queryKey: ['station-journal'], queryFn: () => journal.list() });
  const view = useOutboxView(outbox);
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: ['station-journal'] });
  }, [view.tasks, queryClient]);
  const [undoNotice, setUndoNotice] = useState<Notice | null>(null);
  const [undoing, setUndoing] = useState<number | null>(null);

  const undo = async (entry: JournalEntry) => {
    const planned = undoTask(entry, entries.data ?? [], collid);
    if (!planned.ok) {
      setUndoNotice({ tone: 'warning', words: [said('journal.undo.not-undone-because'), planned.why] });
      return;
    }
    setUndoing(entry.id);
    const row = taskRow(await outbox.whenDecided(outbox.submit(planned.draft)));
    setUndoNotice(
      row.state === 'failed'
        ? { tone: 'error', words: [said('journal.undo.not-undone'), ...rowWords(row)] }
        : {
            tone: 'success',
            words: [said('journal.undo.done', { occid: entry.occid, values: shown(entry.before) })],
          },
    );
    setUndoing(null);
    await queryClient.invalidateQueries({ queryKey: ['station-journal'] });
  };

  return { entries, undo, undoing, undoNotice };
}
