import {
  accessionSearchVariants,
  legacyStringHoldsAccession,
  type Accession,
  type AccessionRules,
} from '../domain/accession';
import type { RecordSummary } from '../domain/occurrence';
import type { PortalReads } from './portal';

export interface AccessionHolders {
  variants: string[];
  /** Records the editor's search finds with one of the zero variants (PROTOCOL §3.1, §8.2). */
  exact: RecordSummary[];
  /** Records holding the number as a whole token inside a longer legacy value (`1499; Acc. 12`). */
  inside: RecordSummary[];
}

/**
 * Who holds an accession number, as the portal's exact, zero-blind check cannot tell: every zero variant,
 * and, in the same round trip, a wildcard search kept only where the number is a whole token.
 */
export async function findAccessionHolders(
  portal: PortalReads,
  collid: number,
  accession: Accession,
  rules: AccessionRules,
): Promise<AccessionHolders> {
  const variants = accessionSearchVariants(accession, rules.variantWidth);
  const [exact, pattern] = await Promise.all([
    portal.findByAccession(collid, variants),
    portal.findByAccessionPattern(collid, `%${accession.value}%`, { offset: 0, limit: 100 }),
  ]);
  return {
    variants,
    exact: exact.records,
    inside: pattern.records.filter((r) => legacyStringHoldsAccession(r.otherCatalogNumbers ?? '', accession)),
  };
}
