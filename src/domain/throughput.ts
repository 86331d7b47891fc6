/** One thing a station did, as throughput counts it. */
export interface WorkDone {
  /** ISO time. */
  at: string;
  kind: 'link' | 'escalation' | 'other';
}

export interface Throughput {
  links: number;
  escalations: number;
  /** Links per hour over the working time up to `now`; null under a minute of work. */
  linksPerHour: number | null;
  /** Median seconds between one link or escalation and the next; null with fewer than two. */
  medianSecondsPerLink: number | null;
  /** Escalations among links and escalations, 0–1; null before there is any. */
  escalationRate: number | null;
}

/**
 * The figures technicians watch: how many, how fast, how many went to a supervisor. Pauses longer than
 * `breakSeconds` (a coffee break, a meeting) do not count towards seconds per link or the hourly rate.
 */
export function throughput(work: WorkDone[], now: string, breakSeconds = 600): Throughput {
  const counted = work.filter((w) => w.kind !== 'other').sort((a, b) => a.at.localeCompare(b.at));
  const links = counted.filter((w) => w.kind === 'link').length;
  const escalations = counted.length - links;
  if (counted.length === 0)
    return { links, escalations, linksPerHour: null, medianSecondsPerLink: null, escalationRate: null };
  const times = counted.map((w) => Date.parse(w.at));
  const gaps = times.slice(1).map((t, i) => (t - times[i]!) / 1000);
  const working = gaps.filter((g) => g <= breakSeconds);
  const sinceLast = Math.min(breakSeconds, Math.max(0, (Date.parse(now) - times[times.length - 1]!) / 1000));
  const workedSeconds = working.reduce((a, b) => a + b, 0) + sinceLast;
  const sorted = [...working].sort((a, b) => a - b);
  const median =
    sorted.length === 0
      ? null
      : sorted.length % 2
        ? sorted[(sorted.length - 1) / 2]!
        : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  return {
    links,
    escalations,
    // Under a minute of work an hourly rate is noise (one link 2 s ago is not 1,800 an hour).
    linksPerHour: workedSeconds >= 60 ? Math.round((links / workedSeconds) * 3600) : null,
    medianSecondsPerLink: median === null ? null : Math.round(median),
    escalationRate: escalations / counted.length,
  };
}
