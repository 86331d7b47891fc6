import { useQuery } from '@tanstack/react-query';
import type { CheckOutcome, PortalCheckResult } from '../../portal/portal';
import { explain } from '../../portal/errors';
import { portalQueries } from '../../portal/queries';
import { useStation } from '../../ui/station';
import { StatusLine } from '../../ui/status-line';

const OUTCOME_TEXT: Record<CheckOutcome, string> = {
  works: 'Works',
  'works-differently': 'Works another way',
  fails: 'Fails',
  'not-tried': 'Not tried',
};

function summary(results: PortalCheckResult[]) {
  const essentialFailures = results.filter((r) => r.essential && r.outcome === 'fails');
  if (essentialFailures.length > 0)
    return {
      tone: 'error' as const,
      text: `The station cannot work on this portal: ${essentialFailures.map((r) => r.title.toLowerCase()).join(', ')} failed. See below for what an administrator could change.`,
    };
  const different = results.filter((r) => r.outcome === 'works-differently' || r.outcome === 'fails');
  if (different.length > 0)
    return {
      tone: 'warning' as const,
      text: `The station works on this portal, in ${different.length} place${different.length === 1 ? '' : 's'} another way than on a portal configured like the recorded one.`,
    };
  return { tone: 'success' as const, text: 'Everything the station uses works on this portal.' };
}

/**
 * For the person who deploys a station: read-only probes of every portal path the station uses, each with
 * what works, what the station does instead, and what an administrator could change. Nothing is written.
 */
export function PortalCheckScreen() {
  const { portal, collid } = useStation();
  const check = useQuery({ ...portalQueries(portal).check(collid), staleTime: Infinity });
  const results = check.data ?? [];
  const overall = check.data ? summary(results) : null;

  return (
    <section className="portal-check" aria-labelledby="portal-check-heading">
      <h1 id="portal-check-heading">Check this portal</h1>
      <p className="hint">
        Reads only: nothing is written to the portal. Run it after installing the station and whenever the
        portal is upgraded or reconfigured.
      </p>
      {check.isPending ? <StatusLine tone="info">Checking the portal…</StatusLine> : null}
      {check.isError ? (
        <StatusLine tone="error">The check could not run: {explain(check.error)}</StatusLine>
      ) : null}
      {overall ? <StatusLine tone={overall.tone}>{overall.text}</StatusLine> : null}
      {results.length > 0 ? (
        <table className="check-results">
          <caption>What the station uses on this portal</caption>
          <thead>
            <tr>
              <th scope="col">Portal path</th>
              <th scope="col">Result</th>
              <th scope="col">Found</th>
              <th scope="col">The station will</th>
              <th scope="col">An administrator could</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.id} className={`check-${r.outcome}`}>
                <th scope="row">
                  {r.title}
                  {r.essential ? <span className="hint"> (essential)</span> : null}
                </th>
                <td>{OUTCOME_TEXT[r.outcome]}</td>
                <td>{r.found}</td>
                <td>{r.stationWill}</td>
                <td>{r.adminCould ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <button type="button" onClick={() => void check.refetch()} disabled={check.isFetching}>
        Check again
      </button>
    </section>
  );
}
