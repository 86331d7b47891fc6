import type { Throughput } from '../domain/throughput';

/** Links, links per hour, median seconds per specimen, escalation rate: the clock technicians watch. */
export function ThroughputFigures({ figures: t, label }: { figures: Throughput; label: string }) {
  return (
    <p className="throughput" aria-label={label}>
      <strong>{t.links}</strong> linked · <strong>{t.linksPerHour ?? '—'}</strong> per hour ·{' '}
      <strong>{t.medianSecondsPerLink ?? '—'}</strong> s per specimen ·{' '}
      <strong>{t.escalationRate === null ? '—' : `${Math.round(t.escalationRate * 100)} %`}</strong> escalated
      ({t.escalations})
    </p>
  );
}
