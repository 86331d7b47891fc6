import { describe, expect, it } from 'vitest';
import { throughput } from '../../src/domain/throughput';

const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 10, 23, 9, minute, second)).toISOString();

describe('throughput', () => {
  it('says nothing before there is any work', () => {
    expect(throughput([], at(0))).toEqual({
      links: 0,
      escalations: 0,
      linksPerHour: null,
      medianSecondsPerLink: null,
      escalationRate: null,
    });
  });

  it('counts links and escalations, the median gap and the hourly rate', () => {
    const work = [
      { at: at(0, 0), kind: 'link' as const },
      { at: at(0, 20), kind: 'link' as const },
      { at: at(0, 50), kind: 'escalation' as const },
      { at: at(1, 10), kind: 'link' as const },
      { at: at(1, 15), kind: 'other' as const },
    ];
    const t = throughput(work, at(1, 10));
    expect(t.links).toBe(3);
    expect(t.escalations).toBe(1);
    expect(t.medianSecondsPerLink).toBe(20);
    expect(t.escalationRate).toBe(0.25);
    // 3 links in 70 working seconds
    expect(t.linksPerHour).toBe(Math.round((3 / 70) * 3600));
  });

  it('leaves a coffee break out of the rate and the median', () => {
    const work = [
      { at: at(0, 0), kind: 'link' as const },
      { at: at(0, 30), kind: 'link' as const },
      { at: at(40, 0), kind: 'link' as const },
      { at: at(40, 30), kind: 'link' as const },
    ];
    const t = throughput(work, at(40, 30));
    expect(t.medianSecondsPerLink).toBe(30);
    expect(t.linksPerHour).toBe(Math.round((4 / 60) * 3600));
  });
});
