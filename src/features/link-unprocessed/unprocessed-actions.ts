import { escalationComment, type Escalation } from '../../domain/escalation';
import { hasBarcode, type SpecimenRecord } from '../../domain/occurrence';
import { EXPERT_REQUIRED, sameStatus } from '../../domain/processing-status';
import type { NewJournalEntry } from '../../journal/station-journal';
import { postFollowUpComment } from '../../portal/follow-up-comment';
import type { PortalClient } from '../../portal/portal';
import type { Duplicate } from './find-duplicates';

export const candidatesOf = (duplicates: Duplicate[]) =>
  duplicates.map((d) => ({
    occid: d.record.occid,
    accession: d.otherCatalogNumbers ?? d.record.identifiers[0]?.value ?? null,
    catalogNumber: hasBarcode(d.record) ? d.record.catalogNumber : null,
  }));

/**
 * Expert Required in one write: the accession typed (when there is one) and the status in the same save
 * (rec. 09c), then, when the collection allows it, the comment giving the reason (rec. 12b). A comment
 * that does not get through is said in the returned line; the escalation itself stands.
 */
export async function escalateSkeletal(
  portal: PortalClient,
  collid: number,
  skeletal: SpecimenRecord,
  accession: string | null,
  escalation: Escalation,
  postComment: boolean,
): Promise<string> {
  if (accession !== null) await portal.addAccession(collid, skeletal.occid, accession, EXPERT_REQUIRED);
  else await portal.setProcessingStatus(collid, skeletal.occid, EXPERT_REQUIRED);
  const commentProblem = postComment
    ? await postFollowUpComment(portal, skeletal.occid, escalationComment(escalation))
    : null;
  const done = `${skeletal.catalogNumber ?? `Record ${skeletal.occid}`} set to Expert Required${accession ? ` with accession ${accession}` : ''}`;
  if (commentProblem) return `${done}. ${commentProblem}`;
  return `${done}${postComment ? ', reason posted as a comment' : ''}.`;
}

export interface MergeResult {
  merged: SpecimenRecord;
  /** What was done about the processing status the merge copied over (rec. 10a). */
  statusNote: string;
  journal: NewJournalEntry;
}

/**
 * The guarded merge, then the legacy record's processing status put back: the portal's merge fills the
 * legacy record's empty status with the skeletal record's `unprocessed` (rec. 10a). The put-back is a
 * normal, logged save. The merge itself leaves no edit log (PROTOCOL §9.5), so the journal keeps both
 * records as they were.
 */
export async function mergeIntoLegacy(
  portal: PortalClient,
  collid: number,
  skeletal: SpecimenRecord,
  legacy: SpecimenRecord,
  linkedStatus: string | null,
  user: string,
  now: () => Date = () => new Date(),
): Promise<MergeResult> {
  const { merged } = await portal.mergeSkeletalIntoLegacy(collid, skeletal.occid, legacy.occid);
  const wanted = linkedStatus ?? legacy.processingStatus ?? '';
  let result = merged;
  let statusNote = `Status stays "${merged.processingStatus ?? 'none'}".`;
  if (!sameStatus(merged.processingStatus, wanted)) {
    try {
      result = await portal.setProcessingStatus(collid, legacy.occid, wanted);
      statusNote =
        linkedStatus !== null
          ? `Status set to "${linkedStatus}" (station setting).`
          : `The merge set the status to "${merged.processingStatus ?? ''}"; it was put back to ${wanted === '' ? 'no status' : `"${wanted}"`}.`;
    } catch (error) {
      statusNote = `The merge set the status to "${merged.processingStatus ?? ''}" and putting it back failed (${error instanceof Error ? error.message : String(error)}); set it in the portal.`;
    }
  }
  return {
    merged: result,
    statusNote,
    journal: {
      at: now().toISOString(),
      user,
      collid,
      action: 'merge',
      occid: legacy.occid,
      barcode: skeletal.catalogNumber,
      before: { catalognumber: legacy.catalogNumber, processingstatus: legacy.processingStatus },
      after: { catalognumber: result.catalogNumber, processingstatus: result.processingStatus },
      outcome: 'done',
      message: `Skeletal record ${skeletal.occid} (${skeletal.catalogNumber ?? 'no barcode'}) merged into record ${legacy.occid}; record ${skeletal.occid} was deleted by the portal. ${statusNote}`,
      mergedRecords: { legacy, skeletal },
    },
  };
}
