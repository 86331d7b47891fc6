import { throughput } from '../domain/throughput';
import { OutboxNote } from './outbox-status';
import { useStation } from './station';
import { ThroughputFigures } from './throughput-figures';
export type WorkState = 'saving' | 'linked' | 'failed' | 'escalated' | 'merged' | 'skipped';

/** One specimen handled this session on a station screen. */
export interface WorkEntry {
  id: number;
  barcode: string;
  occid: number;
  label: string;
  state: WorkState;
  message: string | null;
  /** A refused write can be reopened at the step that made it. */
  reopenable: boolean;
  /** False for a write an earlier page left: its outcome is final, shown as the portal holds it. */
  retryable?: boolean;
  /** When the technician finished with the specimen (ms since the epoch). */
  at: number;
}

const STATE_TEXT: Record<WorkState, string> = {
  saving: 'Saving…',
  linked: 'Linked',
  failed: 'Not saved',
  escalated: 'Escalated',
  merged: 'Merged',
  skipped: 'Skipped',
};

/** The last specimens of this session, newest first; a link the portal did not take waits here with Retry. */
interface Props {
  links: WorkEntry[];
  onRetry: (id: number) => void;
  onReopen: (id: number) => void;
}

function summary(links: WorkEntry[]): string {
  const count = (state: WorkState) => links.filter((l) => l.state === state).length;
  return (['linked', 'merged', 'escalated', 'skipped', 'failed', 'saving'] as const)
    .filter((state) => count(state) > 0)
    .map(
      (state) =>
        `${count(state)} ${state === 'failed' ? 'not saved' : state === 'saving' ? 'saving' : state}`,
    )
    .join(', ');
}

/** Links this session, per hour, median seconds per specimen, escalation rate: the clock technicians watch. */
function ThroughputLine({ links }: { links: WorkEntry[] }) {
  const t = throughput(
    links.map((l) => ({
      at: new Date(l.at).toISOString(),
      kind:
        l.state === 'linked' || l.state === 'merged'
          ? 'link'
          : l.state === 'escalated'
            ? 'escalation'
            : 'other',
    })),
    new Date().toISOString(),
  );
  return <ThroughputFigures figures={t} label="Throughput this session" />;
}

export function SessionList({ links, onRetry, onReopen }: Props) {
  const { outbox } = useStation();
  if (links.length === 0) return null;
  return (
    <section className="session-links" aria-labelledby="session-heading">
      <h2 id="session-heading">
        This session <span className="hint">{summary(links)}</span>
      </h2>
      <ThroughputLine links={links} />
      <table>
        <thead>
          <tr>
            <th scope="col">Barcode</th>
            <th scope="col">Specimen</th>
            <th scope="col">Record</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {links.slice(0, 50).map((l) => (
            <tr key={l.id} className={`link-${l.state}`}>
              <td>{l.barcode}</td>
              <td>{l.label}</td>
              <td>{l.occid}</td>
              <td>
                <strong>{STATE_TEXT[l.state]}</strong>
                {l.state === 'saving' ? (
                  <OutboxNote
                    outbox={outbox}
                    match={(i) => 'occid' in i.intent && i.intent.occid === l.occid}
                  />
                ) : null}
                {l.state !== 'failed' && l.message ? <span className="hint"> {l.message}</span> : null}
                {l.state === 'failed' ? (
                  <>
                    {' '}
                    <span role="alert">{l.message}</span>{' '}
                    {l.retryable !== false ? (
                      <button type="button" onClick={() => onRetry(l.id)}>
                        Retry {l.barcode}
                      </button>
                    ) : null}{' '}
                    {l.reopenable ? (
                      <button type="button" onClick={() => onReopen(l.id)}>
                        Reopen {l.barcode}
                      </button>
                    ) : null}
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
