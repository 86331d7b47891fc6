import type { OtherIdentifier, SpecimenImage, SpecimenRecord } from '../../domain/occurrence';

/**
 * Reads a record from the editor's own pages, for portals whose API v2 is missing or broken (recorded INDEX
 * §15): the full form of `occurrenceeditor.php?occid=N` (rec. 15a, 15b; also the page every W1 save
 * answers with, rec. 09a–09c) and the image tab `includes/imagetab.php` (rec. 15c).
 */

const text = (el: Element | null | undefined) =>
  (el?.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const orNull = (s: string | null | undefined) =>
  s === null || s === undefined || s.trim() === '' ? null : s;

/** Columns the station reads, should a portal's page lack the custom-field list that names them all. */
const ESSENTIAL = [
  'catalogNumber',
  'otherCatalogNumbers',
  'processingStatus',
  'recordedBy',
  'recordNumber',
  'eventDate',
  'sciname',
  'scientificNameAuthorship',
  'family',
  'locality',
  'country',
  'stateProvince',
  'county',
  'habitat',
  'recordSecurity',
  'localitySecurity',
];

/**
 * The form posts lower-case names; the API and the merge preview use the column names. The query form's
 * custom-field lists name every column (`<option value="catalogNumber">`, rec. 15a), so the page itself
 * says how to map them.
 */
function columnNames(doc: Document): Map<string, string> {
  const names = new Map(ESSENTIAL.map((c) => [c.toLowerCase(), c]));
  for (const option of doc.querySelectorAll('select[name^="q_customfield"] option[value]')) {
    const value = option.getAttribute('value') ?? '';
    if (/^[a-zA-Z]+$/.test(value) && !names.has(value.toLowerCase())) names.set(value.toLowerCase(), value);
  }
  return names;
}

function selected(select: Element | null): string | null {
  if (!select) return null;
  const option = select.querySelector('option[selected]');
  return orNull(option?.getAttribute('value') ?? null);
}

/**
 * The record shown in an editor page's full form, or null when the page shows none (a record that does
 * not exist: that page is not recorded, so "no form for this occid" is all that is relied on). Images are
 * not in the form: they come from the image tab.
 */
export function parseEditorRecord(doc: Document, occid?: number): Omit<SpecimenRecord, 'images'> | null {
  const form = doc.querySelector('form#fullform, form[name="fullform"]');
  if (!form) return null;
  const shown = Number(form.querySelector('input[name="occid"]')?.getAttribute('value'));
  const collid = Number(form.querySelector('input[name="collid"]')?.getAttribute('value'));
  if (!Number.isInteger(shown) || shown <= 0 || (occid !== undefined && shown !== occid)) return null;
  const names = columnNames(doc);
  const fields: Record<string, string | null> = {};
  for (const input of form.querySelectorAll('input[name], textarea[name], select[name]')) {
    const column = names.get((input.getAttribute('name') ?? '').toLowerCase());
    if (!column || column in fields) continue;
    const type = (input.getAttribute('type') ?? '').toLowerCase();
    if (type === 'checkbox' || type === 'radio') continue;
    fields[column] =
      input.tagName === 'SELECT'
        ? selected(input)
        : input.tagName === 'TEXTAREA'
          ? orNull(input.textContent)
          : orNull(input.getAttribute('value'));
  }
  // Identifier rows come as idkey[]/idname[]/idvalue[] triples. A numeric key is a row of the identifier
  // table; `ocnid-N` is the legacy Other Catalog Numbers column, shown as a row when the record has no
  // identifier rows (rec. 15a, compare 03e); `newidentifier` is the blank row for adding one.
  const keys = [...form.querySelectorAll('input[name="idkey[]"]')].map((e) => e.getAttribute('value') ?? '');
  const idNames = [...form.querySelectorAll('input[name="idname[]"]')].map(
    (e) => e.getAttribute('value') ?? '',
  );
  const values = [...form.querySelectorAll('input[name="idvalue[]"]')].map(
    (e) => e.getAttribute('value') ?? '',
  );
  const identifiers: OtherIdentifier[] = [];
  const legacy: string[] = [];
  keys.forEach((key, i) => {
    const value = (values[i] ?? '').trim();
    if (value === '') return;
    if (/^\d+$/.test(key)) identifiers.push({ id: Number(key), name: idNames[i] ?? '', value });
    else if (key.startsWith('ocnid')) legacy.push(value);
  });
  // Without identifier rows the form shows the column whenever it holds something, so it is known here.
  if (identifiers.length === 0) fields['otherCatalogNumbers'] = legacy.length > 0 ? legacy.join(', ') : null;
  fields['dateLastModified'] = lastModified(doc);
  // 3.0–3.3 call the security field localitysecurity (rec. 3.1 15a); 3.4 recordsecurity.
  const security = Number(fields['recordSecurity'] ?? fields['localitySecurity'] ?? 0);
  return {
    occid: shown,
    collid: Number.isInteger(collid) ? collid : 0,
    catalogNumber: fields['catalogNumber'] ?? null,
    identifiers,
    processingStatus: fields['processingStatus'] ?? null,
    recordedBy: fields['recordedBy'] ?? null,
    recordNumber: fields['recordNumber'] ?? null,
    eventDate: fields['eventDate'] ?? null,
    sciname: fields['sciname'] ?? null,
    family: fields['family'] ?? null,
    locality: fields['locality'] ?? null,
    country: fields['country'] ?? null,
    stateProvince: fields['stateProvince'] ?? null,
    county: fields['county'] ?? null,
    dateLastModified: fields['dateLastModified'] ?? null,
    recordSecurity: Number.isFinite(security) ? security : 0,
    fields,
  };
}

/**
 * When the record was last changed: the `#pkDiv` line after the record key, "Modified: 2026-…" in
 * English, "Modificado: …", "Modifié: …" (INDEX §16–17), read as "some words, a colon, a date".
 */
function lastModified(doc: Document): string | null {
  for (const div of doc.querySelectorAll('#pkDiv div')) {
    const found = /^[^:[\]]{1,40}:\s*(\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2})?)$/u.exec(text(div));
    if (found?.[1]) return found[1];
  }
  return null;
}

/**
 * The editor page of a record another editor has open: "Record Locked!" in a box with a link to the
 * record's read-only display and no form (rec. 3.1 16b; the same page in 3.4, occurrenceeditor.php). The
 * link is what is looked for, in any language.
 */
export function isLockedByAnotherEditor(doc: Document, occid: number): boolean {
  if (doc.querySelector('form#fullform, form[name="fullform"]')) return false;
  return [...doc.querySelectorAll('a[href*="individual/index.php"]')].some((a) =>
    new RegExp(`[?&]occid=${occid}(?:&|$)`).test(a.getAttribute('href') ?? ''),
  );
}

/** The image tab: one edit form per image, with its id and URLs (rec. 15c). */
export function parseImageTab(
  doc: Document,
  absolute: (url: string | null | undefined) => string | null,
): SpecimenImage[] {
  // Each image has several forms carrying its id (edit, remap, delete); the edit form holds the URLs.
  return [...doc.querySelectorAll('form')]
    .filter((f) => f.querySelector('input[name="imgid"]') && f.querySelector('input[name="url"]'))
    .map((f) => {
      const value = (name: string) => f.querySelector(`input[name="${name}"]`)?.getAttribute('value') ?? null;
      // 3.0–3.3 name them origurl and tnurl (rec. 3.1 15c).
      const originalUrl = absolute(value('originalUrl') ?? value('origurl'));
      return {
        mediaId: Number(value('imgid')),
        webUrl: absolute(value('url')) ?? originalUrl,
        originalUrl,
        thumbnailUrl: absolute(value('thumbnailUrl') ?? value('tnurl')),
      };
    })
    .filter((image) => Number.isInteger(image.mediaId) && image.mediaId > 0);
}
