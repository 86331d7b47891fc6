import { hasBarcode } from './occurrence';

export interface DuplicateCandidate {
  occid: number;
  catalogNumber: string | null;
  imageCount: number;
}

export type DuplicateDecision =
  | { action: 'save-accession' }
  | { action: 'compare'; target: DuplicateCandidate }
  | {
      action: 'expert-required';
      reason: 'duplicate-has-image' | 'duplicate-has-barcode' | 'several-duplicates';
      candidates: DuplicateCandidate[];
    };

/**
 * What Option 2 does once the accession number's duplicates are known. A duplicate that already has a
 * barcode cannot be merged: the portal's merge keeps the target's catalog number and silently drops the
 * new barcode (PROTOCOL §9.3); one that already has an image needs an expert to compare the two sheets.
 */
export function decideDuplicate(candidates: DuplicateCandidate[]): DuplicateDecision {
  if (candidates.length === 0) return { action: 'save-accession' };
  if (candidates.length > 1) return { action: 'expert-required', reason: 'several-duplicates', candidates };
  const [only] = candidates as [DuplicateCandidate];
  if (hasBarcode(only)) return { action: 'expert-required', reason: 'duplicate-has-barcode', candidates };
  if (only.imageCount > 0) return { action: 'expert-required', reason: 'duplicate-has-image', candidates };
  return { action: 'compare', target: only };
}
