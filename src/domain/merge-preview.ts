import type { OtherIdentifier, SpecimenImage, SpecimenRecord } from './occurrence';

/** Columns the merge never copies (PROTOCOL §9.3), and ones the API fills from elsewhere when empty (§6.1). */
const NOT_MERGED = new Set(['occid', 'collid', 'dbpk', 'dateLastModified']);
const API_FALLBACKS = new Set(['occurrenceID', 'institutionCode', 'collectionCode']);
/** Fields a technician checks first, in the order they read a label. */
export const LABEL_FIELDS = [
  'catalogNumber',
  'sciname',
  'scientificNameAuthorship',
  'family',
  'recordedBy',
  'recordNumber',
  'eventDate',
  'country',
  'stateProvince',
  'county',
  'locality',
  'habitat',
  'processingStatus',
] as const;

export type FieldSource = 'target' | 'source' | 'empty';

export interface MergedField {
  field: string;
  target: string | null;
  source: string | null;
  result: string | null;
  from: FieldSource;
  /** Both records hold a value and they differ: the legacy record's value is kept, the other is lost. */
  conflict: boolean;
}

export interface MergeIdentifier {
  name: string;
  value: string;
  from: 'target' | 'source';
}

export interface MergePreview {
  targetOccid: number;
  sourceOccid: number;
  fields: MergedField[];
  /** The barcode the merged record will carry, and whether the skeletal record's barcode survives. */
  catalogNumber: string | null;
  barcodeSurvives: boolean;
  processingStatus: string | null;
  images: { image: SpecimenImage; from: 'target' | 'source' }[];
  identifiers: MergeIdentifier[];
}

const empty = (v: string | null | undefined) => v === null || v === undefined || v === '';

/**
 * A record with no identifier rows but a legacy Other Catalog Numbers string gets that whole string as
 * one identifier named `legacyOtherCatalogNumber` before the merge (PROTOCOL §9.3 step 2).
 */
function identifiersBeforeMerge(record: SpecimenRecord): OtherIdentifier[] {
  const legacy = record.fields['otherCatalogNumbers'];
  if (record.identifiers.length === 0 && !empty(legacy)) {
    return [{ id: 0, name: 'legacyOtherCatalogNumber', value: legacy as string }];
  }
  return record.identifiers;
}

/**
 * Exactly what the portal's merge produces when `source` (the skeletal record) is merged into `target`
 * (the legacy record): the target keeps every value it has, its empty fields are filled from the source,
 * the source's images and identifiers move over, and the source is deleted (PROTOCOL §9.2–9.3, rec. 10a/10f).
 */
export function previewMerge(target: SpecimenRecord, source: SpecimenRecord): MergePreview {
  const names = new Set([...Object.keys(target.fields), ...Object.keys(source.fields)]);
  const fields: MergedField[] = [];
  for (const field of names) {
    if (NOT_MERGED.has(field) || API_FALLBACKS.has(field)) continue;
    const t = target.fields[field] ?? null;
    const s = source.fields[field] ?? null;
    if (empty(t) && empty(s)) continue;
    const from: FieldSource = !empty(t) ? 'target' : 'source';
    fields.push({
      field,
      target: t,
      source: s,
      result: from === 'target' ? t : s,
      from,
      conflict: !empty(t) && !empty(s) && t !== s,
    });
  }
  const order = (f: string) => {
    const i = (LABEL_FIELDS as readonly string[]).indexOf(f);
    return i < 0 ? LABEL_FIELDS.length : i;
  };
  fields.sort((a, b) => order(a.field) - order(b.field) || a.field.localeCompare(b.field));
  const result = (f: string) => fields.find((x) => x.field === f)?.result ?? null;

  const targetIds = identifiersBeforeMerge(target).map((i) => ({
    name: i.name,
    value: i.value,
    from: 'target' as const,
  }));
  const sourceIds = identifiersBeforeMerge(source)
    .map((i) => ({ name: i.name, value: i.value, from: 'source' as const }))
    .filter((s) => !targetIds.some((t) => t.name === s.name && t.value === s.value));

  return {
    targetOccid: target.occid,
    sourceOccid: source.occid,
    fields,
    catalogNumber: result('catalogNumber'),
    barcodeSurvives: empty(source.catalogNumber) || result('catalogNumber') === source.catalogNumber,
    processingStatus: result('processingStatus'),
    images: [
      ...target.images.map((image) => ({ image, from: 'target' as const })),
      ...source.images.map((image) => ({ image, from: 'source' as const })),
    ],
    identifiers: [...targetIds, ...sourceIds],
  };
}
