import {
  accessionSearchVariants,
  legacyStringHoldsAccession,
  type Accession,
  type AccessionRules,
} from '../../domain/accession';
import { decideDuplicate, type DuplicateDecision } from '../../domain/duplicates';
import type { RecordSummary, SpecimenRecord } from '../../domain/occurrence';
import type { PortalClient } from '../../portal/portal';

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
  /** What was searched, in the technician's words. */
  description: string;
}

/**
 * The duplicate check the portal's own (exact, zero-blind) check cannot do: every zero variant in one
 * search (PROTOCOL §8.2), then numbers inside multi-valued legacy strings, never the record itself.
 */
export async function findDuplicates(
  portal: PortalClient,
  collid: number,
  accession: Accession,
  skeletalOccid: number,
  rules: AccessionRules,
): Promise<DuplicateCheck> {
  const variants = accessionSearchVariants(accession, rules.variantWidth);
  const others = (rows: RecordSummary[]) => rows.filter((r) => r.occid !== skeletalOccid);
  // Both searches at once: the answer decides what the technician sees next, so one round trip, not two.
  const [exact, pattern] = await Promise.all([
    portal.findByAccession(collid, variants),
    portal.findByAccessionPattern(collid, `%${accession.value}%`, { offset: 0, limit: 100 }),
  ]);
  let rows = others(exact.records);
  let inside = false;
  if (rows.length === 0) {
    rows = others(pattern.records).filter((r) =>
      legacyStringHoldsAccession(r.otherCatalogNumbers ?? '', accession),
    );
    inside = rows.length > 0;
  }
  const records = await Promise.all(rows.map((r) => portal.readRecord(r.occid)));
  const duplicates = rows.flatMap((row, i) => {
    const record = records[i];
    return record ? [{ record, otherCatalogNumbers: row.otherCatalogNumbers }] : [];
  });
  const decision = decideDuplicate(
    duplicates.map((d) => ({
      occid: d.record.occid,
      catalogNumber: d.record.catalogNumber,
      imageCount: d.record.images.length,
    })),
  );
  const found =
    duplicates.length === 0
      ? 'no other record holds it'
      : `${duplicates.length === 1 ? 'record' : 'records'} ${duplicates
          .map(
            (d) =>
              `${d.record.occid} (${d.otherCatalogNumbers ?? d.record.identifiers.map((i) => i.value).join('; ')})`,
          )
          .join(
            ', ',
          )} ${duplicates.length === 1 ? 'holds' : 'hold'} it${inside ? ' inside a longer value' : ''}`;
  return {
    accession,
    variants,
    duplicates,
    decision,
    description: `Checked ${variants.join(', ')}: ${found}.`,
  };
}
