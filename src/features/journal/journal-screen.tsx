import { OutboxList } from '../../ui/outbox-status';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { throughput, type WorkDone } from '../../domain/throughput';
import { journalToCsv } from '../../journal/journal-csv';
import type { JournalAction, JournalEntry } from '../../journal/station-journal';
import { undoPlan } from '../../journal/undo';
import { explain } from '../../portal/errors';
import { useStation } from '../../ui/station';
import { StatusLine, type StatusTone } from '../../ui/status-line';
import { ThroughputFigures } from '../../ui/throughput-figures';

const ACTIONS: (JournalAction | 'all')[] = [
  'all',
  'link',
  'accession',
  'status',
  'merge',
  'escalation',
  'resolution',
  'undo',
  'comment',
];

const kindOf = (e: JournalEntry): WorkDone['kind'] =>
  e.outcome !== 'done'
    ? 'other'
    : e.action === 'escalation'
      ? 'escalation'
      : ['link', 'accession', 'merge'].includes(e.action)
        ? 'link'
        : 'other';

const shown = (values: Record<string, string | null>) =>
  Object.entries(values)
    .map(([field, value]) => `${field}: ${value ?? '—'}`)
    .join(', ') || '—';

/** Everything this station wrote to the portal, filtered, with the day's throughput and a CSV export. */
export function JournalScreen() {
  const { journal, username, portal, collid, outbox } = useStation();
  const queryClient = useQueryClient();
  const entries = useQuery({ queryKey: ['station-journal'], queryFn: () => journal.list() });
  const [undoNotice, setUndoNotice] = useState<{ tone: StatusTone; text: string } | null>(null);
  const [undoing, setUndoing] = useState<number | null>(null);

  const undo = async (entry: JournalEntry) => {
    const plan = undoPlan(entry, entries.data ?? []);
    if (!plan.ok) {
      setUndoNotice({ tone: 'warning', text: `Not undone: ${plan.why}` });
      return;
    }
    setUndoing(entry.id);
    const record = {
      at: new Date().toISOString(),
      user: username,
      collid,
      action: 'undo' as const,
      occid: entry.occid,
      barcode: entry.barcode,
      before: entry.after,
      after: entry.before,
      undoes: entry.id,
    };
    try {
      await portal.restoreValues(collid, entry.occid, plan.changes);
      const text = `Undone: record ${entry.occid} holds ${shown(entry.before)} again.`;
      await journal.append({ ...record, outcome: 'done', message: text });
      setUndoNotice({ tone: 'success', text });
    } catch (error) {
      const text = `Not undone. ${explain(error)}`;
      await journal.append({ ...record, outcome: 'failed', message: text }).catch(() => undefined);
      setUndoNotice({ tone: 'error', text });
    } finally {
      setUndoing(null);
      await queryClient.invalidateQueries({ queryKey: ['station-journal'] });
    }
  };
  const [action, setAction] = useState<JournalAction | 'all'>('all');
  const [outcome, setOutcome] = useState<'all' | 'done' | 'failed'>('all');
  const [text, setText] = useState('');

  const filtered = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return (entries.data ?? []).filter(
      (e) =>
        (action === 'all' || e.action === action) &&
        (outcome === 'all' || e.outcome === outcome) &&
        (needle === '' ||
          [e.barcode, String(e.occid), e.user, e.message].some((v) =>
            (v ?? '').toLowerCase().includes(needle),
          )),
    );
  }, [entries.data, action, outcome, text]);

  const today = new Date().toISOString().slice(0, 10);
  const mine = (entries.data ?? []).filter((e) => e.user === username && e.at.startsWith(today));
  const figures = throughput(
    mine.map((e) => ({ at: e.at, kind: kindOf(e) })),
    new Date().toISOString(),
  );

  const exportCsv = () => {
    const blob = new Blob([journalToCsv(filtered)], { type: 'text/csv;charset=utf-8' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `specimen-linker-journal-${today}.csv`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  return (
    <div className="screen journal">
      <h1 className="screen-title">Station journal</h1>
      <OutboxList outbox={outbox} />
      <section className="step-panel" aria-labelledby="throughput-heading">
        <h2 id="throughput-heading">Today, {username}</h2>
        <ThroughputFigures figures={figures} label={`Throughput today, ${username}`} />
        <p className="hint">Breaks longer than 10 minutes are left out of the rates.</p>
      </section>
      <form
        className="step-panel journal-filters"
        aria-label="Filter the journal"
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          Action
          <select value={action} onChange={(e) => setAction(e.target.value as JournalAction | 'all')}>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {a === 'all' ? 'All actions' : a}
              </option>
            ))}
          </select>
        </label>
        <label>
          Outcome
          <select value={outcome} onChange={(e) => setOutcome(e.target.value as 'all' | 'done' | 'failed')}>
            <option value="all">All outcomes</option>
            <option value="done">Done</option>
            <option value="failed">Failed</option>
          </select>
        </label>
        <label>
          Barcode, record, user or text
          <input value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
        </label>
        <button type="button" onClick={exportCsv} disabled={filtered.length === 0}>
          Export {filtered.length} as CSV
        </button>
      </form>
      {undoNotice ? <StatusLine tone={undoNotice.tone}>{undoNotice.text}</StatusLine> : null}
      {entries.isError ? (
        <StatusLine tone="error">
          The journal could not be read from this browser&apos;s storage ({String(entries.error)}).
        </StatusLine>
      ) : null}
      <section className="step-panel" aria-label="Journal entries">
        {entries.isPending ? <p>Reading the journal…</p> : null}
        {entries.isSuccess && filtered.length === 0 ? <p>Nothing in the journal matches.</p> : null}
        {filtered.length > 0 ? (
          <table className="journal-table">
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">User</th>
                <th scope="col">Action</th>
                <th scope="col">Record</th>
                <th scope="col">Barcode</th>
                <th scope="col">Before → after</th>
                <th scope="col">Outcome</th>
                <th scope="col">Undo</th>
              </tr>
            </thead>
            <tbody>
              {filtered.slice(0, 500).map((e) => (
                <tr key={e.id} className={e.outcome === 'failed' ? 'link-failed' : undefined}>
                  <td>{new Date(e.at).toLocaleString()}</td>
                  <td>{e.user}</td>
                  <td>{e.action}</td>
                  <td>{e.occid}</td>
                  <td>{e.barcode ?? '—'}</td>
                  <td>
                    {shown(e.before)} → {shown(e.after)}
                    {e.mergedRecords ? <MergeRestore entry={e} /> : null}
                  </td>
                  <td>
                    <strong>{e.outcome}</strong> <span className="hint">{e.message}</span>
                  </td>
                  <td>
                    {e.outcome === 'done' && e.action !== 'undo' ? (
                      <button type="button" disabled={undoing !== null} onClick={() => void undo(e)}>
                        Undo {e.action} of record {e.occid}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
    </div>
  );
}

/** A merge cannot be undone through the portal; the journal keeps what an administrator needs to restore it. */
function MergeRestore({ entry }: { entry: JournalEntry }) {
  const records = entry.mergedRecords!;
  return (
    <details>
      <summary>How to undo this merge</summary>
      <p>
        The portal&apos;s merge cannot be undone from this station. The deleted record{' '}
        {records.skeletal.occid} is kept by the portal in its archive of deleted records (table{' '}
        <code>omoccurarchive</code>); a portal administrator can restore it from there, then give record{' '}
        {records.legacy.occid} back the values below (its barcode was{' '}
        {records.legacy.catalogNumber ?? 'empty'}, its status {records.legacy.processingStatus ?? 'empty'})
        and move the image back.
      </p>
      <pre className="merge-records">{JSON.stringify(records, null, 1)}</pre>
    </details>
  );
}
