import type { Throughput } from '../domain/throughput';
import { useSayRich } from '../i18n/use-say-rich';

/** Links, links per hour, median seconds per specimen, escalation rate: the clock technicians watch. */
export function ThroughputFigures({ figures: t, label }: { figures: Throughput; label: string }) {
  const sayRich = useSayRich();
  return (
    <p className="throughput" aria-label={label}>
      {sayRich('session.throughput.figures', {
        links: t.links,
        perHour: t.linksPerHour ?? null,
        median: t.medianSecondsPerLink ?? null,
        rate: t.escalationRate === null ? null : Math.round(t.escalationRate * 100),
        escalations: t.escalations,
      })}
    </p>
  );
}
