import { useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import type { PortalCheckResult } from '../../portal/portal';
import { explain } from '../../portal/errors';
import { portalQueries } from '../../portal/queries';
import { useSay } from '../../i18n/use-say';
import { useStation } from '../../ui/station';
import { StatusLine } from '../../ui/status-line';

type Say = ReturnType<typeof useSay>;

function summary(results: PortalCheckResult[], say: Say, list: (items: string[]) => string) {
  const essentialFailures = results.filter((r) => r.essential && r.outcome === 'fails');
  if (essentialFailures.length > 0)
    return {
      tone: 'error' as const,
      text: say('check.summary.fails', {
        failed: list(essentialFailures.map((r) => say(r.title).toLowerCase())),
      }),
    };
  const different = results.filter((r) => r.outcome === 'works-differently' || r.outcome === 'fails');
  if (different.length > 0)
    return { tone: 'warning' as const, text: say('check.summary.differs', { count: different.length }) };
  return { tone: 'success' as const, text: say('check.summary.works') };
}

/**
 * For the person who deploys a station: read-only probes of every portal path the station uses, each with
 * what works, what the station does instead, and what an administrator could change. Nothing is written.
 */
export function PortalCheckScreen() {
  const say = useSay();
  const intl = useIntl();
  const { portal, collid } = useStation();
  const check = useQuery({ ...portalQueries(portal).check(collid), staleTime: Infinity });
  const results = check.data ?? [];
  const overall = check.data
    ? summary(results, say, (items) => intl.formatList(items, { type: 'conjunction' }))
    : null;

  return (
    <section className="portal-check" aria-labelledby="portal-check-heading">
      <h1 id="portal-check-heading">{say('check.heading')}</h1>
      <p className="hint">{say('check.intro')}</p>
      {check.isPending ? <StatusLine tone="info">{say('check.checking')}</StatusLine> : null}
      {check.isError ? (
        <StatusLine tone="error">{say('check.could-not-run', { text: explain(check.error) })}</StatusLine>
      ) : null}
      {overall ? <StatusLine tone={overall.tone}>{overall.text}</StatusLine> : null}
      {results.length > 0 ? (
        <table className="check-results">
          <caption>{say('check.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{say('check.column.path')}</th>
              <th scope="col">{say('check.column.result')}</th>
              <th scope="col">{say('check.column.found')}</th>
              <th scope="col">{say('check.column.station-will')}</th>
              <th scope="col">{say('check.column.admin-could')}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => (
              <tr key={r.id} className={`check-${r.outcome}`}>
                <th scope="row">
                  {say(r.title)}
                  {r.essential ? <span className="hint"> {say('check.essential')}</span> : null}
                </th>
                <td>{say(`check.outcome.${r.outcome}`)}</td>
                <td>{r.found.map((s) => say(s)).join(' ')}</td>
                <td>{say(r.stationWill)}</td>
                <td>{r.adminCould ? say(r.adminCould) : say('check.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <button type="button" onClick={() => void check.refetch()} disabled={check.isFetching}>
        {say('check.again')}
      </button>
    </section>
  );
}
