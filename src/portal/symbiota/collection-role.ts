import { PortalError } from '../errors';
import type { CollectionRole } from '../portal';
import { parseRecordTable } from './html';

/**
 * The table view read with a term no record holds (one row at most, no edit lock): the page the role is read
 * from. Not `occid0`: that term makes the portal answer HTTP 500 (PROTOCOL §2.1).
 */
export const ROLE_PROBE: [string, string][] = [
  ['q_catalognumber', 'occid999999'],
  ['occindex', '0'],
  ['reclimit', '1'],
];

/**
 * The user's role as the table view shows it, by structure, the same in every language: its batch-update form
 * (`form[name="batchupdateform"]`) is printed for `$isEditor == 1`, i.e. SuperAdmin or CollAdmin on the
 * collection, never for a CollEditor (`occurrencetabledisplay.php`, 3.0–3.4; PROTOCOL §2.1, rec. 24a–24g).
 * A General Observations collection prints it for every editor (its path links to the personal
 * management page instead of the collection's), so there the page does not tell.
 */
export function parseCollectionRole(doc: Document): CollectionRole {
  // Throws unless this is the table view answering an editor: a refusal, or a page of another shape.
  parseRecordTable(doc);
  if (doc.querySelector('.navpath a[href*="viewprofile.php?tabindex=1"]')) {
    throw new PortalError('unexpected-response', 'role-general-observations');
  }
  return doc.querySelector('form[name="batchupdateform"]') ? 'administrator' : 'editor';
}
