import type { Accession, AccessionRules } from '../../domain/accession';
import { decideDuplicate, type DuplicateDecision } from '../../domain/duplicates';
import { withListedCatalogNumbers, type RecordSummary, type SpecimenRecord } from '../../domain/occurrence';
import { said, type Said } from '../../domain/said';
import { findAccessionHolders } from '../../portal/accession-holders';
import type { PortalReads } from '../../portal/portal';

export interface Duplicate {
  record: SpecimenRecord;
  /** The Other Catalog Numbers string as the portal lists it. */
  otherCatalogNumbers: string | null;
}

export interface DuplicateCheck {
  accession: Accession;
  variants: string[];
  duplicates: Duplicate[];
  decision: DuplicateDecision;
  /** What was searched, in the technician's words (as codes). */
  description: Said;
}

/**
 * The duplicate check the portal's own (exact, zero-blind) check cannot do: every zero variant in one
 * search (PROTOCOL §8.2), then numbers inside multi-valued legacy strings, never the record itself.
 */
export async function findDuplicates(
  portal: PortalReads,
  collid: number,
  accession: Accession,
  skeletalOccid: number,
  rules: AccessionRules,
): Promise<DuplicateCheck> {
  const others = (rows: RecordSummary[]) => rows.filter((r) => r.occid !== skeletalOccid);
  const holders = await findAccessionHolders(portal, collid, accession, rules);
  const variants = holders.variants;
  let rows = others(holders.exact);
  let inside = false;
  if (rows.length === 0) {
    rows = others(holders.inside);
    inside = rows.length > 0;
  }
  const records = await Promise.all(rows.map((r) => portal.readRecord(r.occid)));
  const duplicates = rows.flatMap((row, i) => {
    const record = records[i];
    return record
      ? [
          {
            record: withListedCatalogNumbers(record, row.otherCatalogNumbers),
            otherCatalogNumbers: row.otherCatalogNumbers,
          },
        ]
      : [];
  });
  const decision = decideDuplicate(
    duplicates.map((d) => ({
      occid: d.record.occid,
      catalogNumber: d.record.catalogNumber,
      imageCount: d.record.images.length,
    })),
  );
  const holding = duplicates
    .map(
      (d) =>
        `${d.record.occid} (${d.otherCatalogNumbers ?? d.record.identifiers.map((i) => i.value).join('; ')})`,
    )
    .join(', ');
  return {
    accession,
    variants,
    duplicates,
    decision,
    description: said('unprocessed.check.done', {
      variants: variants.join(', '),
      count: duplicates.length,
      holders: holding,
      inside,
    }),
  };
}
