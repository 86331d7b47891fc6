import type { SessionLink } from './imaging-store';

const STATE_TEXT: Record<SessionLink['state'], string> = {
  saving: 'Saving…',
  linked: 'Linked',
  failed: 'Not saved',
  escalated: 'Escalated',
};

/** The last specimens of this session, newest first; a link the portal did not take waits here with Retry. */
interface Props {
  links: SessionLink[];
  onRetry: (id: number) => void;
  onReopen: (id: number) => void;
}

export function SessionLinks({ links, onRetry, onReopen }: Props) {
  if (links.length === 0) return null;
  const failed = links.filter((l) => l.state === 'failed').length;
  return (
    <section className="session-links" aria-labelledby="session-heading">
      <h2 id="session-heading">
        This session{' '}
        <span className="hint">
          {links.filter((l) => l.state === 'linked').length} linked,{' '}
          {links.filter((l) => l.state === 'escalated').length} escalated
          {failed > 0 ? `, ${failed} not saved` : ''}
        </span>
      </h2>
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
                {l.state === 'failed' ? (
                  <>
                    {' '}
                    <span role="alert">{l.message}</span>{' '}
                    <button type="button" onClick={() => onRetry(l.id)}>
                      Retry {l.barcode}
                    </button>{' '}
                    {l.candidate ? (
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
