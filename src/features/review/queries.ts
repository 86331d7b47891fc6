import type { AccessionRules } from '../../domain/accession';
import type { SpecimenRecord } from '../../domain/occurrence';
import { EXPERT_REQUIRED } from '../../domain/processing-status';
import type { PortalReads } from '../../portal/portal';
import { isRecordProblem } from '../../portal/errors';
import { portalQueries } from '../../portal/queries';
import { escalationOf, findCandidates, type ReviewCase } from './review-cases';

/** Review's reads as query options, one key per read. */
export const caseQueries = (portal: PortalReads, collid: number, accession: AccessionRules) => ({
  /** The case record read afresh when a case opens: a copy another screen read minutes ago is not what a supervisor decides on. */
  record: (occid: number) => ({
    ...portalQueries(portal).record(occid),
    queryKey: ['review-record', occid] as const,
  }),
  candidates: (occid: number, record: SpecimenRecord | null, note: string) => ({
    queryKey: ['review-candidates', occid] as const,
    queryFn: () => findCandidates(portal, collid, record!, note, accession),
  }),
  /** One page of the Expert Required queue, each case with the reason and note it was sent with. */
  queue: (page: number, size: number) => ({
    queryKey: ['review-queue', collid, page] as const,
    queryFn: async () => {
      const found = await portal.listByStatus(collid, EXPERT_REQUIRED, { offset: page * size, limit: size });
      // A case whose record or comments cannot be read is listed with why; it does not hide the others.
      const cases = await Promise.all(
        found.records.map(async (summary): Promise<ReviewCase> => {
          try {
            const comments = await portal.readComments(summary.occid);
            return { summary, escalation: escalationOf(comments), unreadable: summary.unreadable };
          } catch (error) {
            if (!isRecordProblem(error)) throw error;
            return { summary, escalation: null, unreadable: summary.unreadable ?? error.said };
          }
        }),
      );
      return { cases, total: found.total };
    },
  }),
});
