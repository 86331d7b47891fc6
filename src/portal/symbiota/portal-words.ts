import { fold } from '../../domain/text';
import type { PortalLanguage } from '../portal';

/**
 * What a stock Symbiota 3.x prints, in each language it ships (en, es, fr, pt), where the station has no
 * language-free signal to go by. The source is the portal's own `content/lang/` files at tags v3.0.35 …
 * v3.4.14, checked against the recordings in English, Spanish and French (rec. 16–17, INDEX "Strings a
 * client might match") and on 3.1.8 (recorded-3.1). Everything else is read by structure and by value.
 */
export const PORTAL_LANGUAGES: PortalLanguage[] = ['en', 'es', 'fr', 'pt'];

/** Compared folded (case and accents ignored) and with runs of spaces as one. */
const norm = (text: string) => fold(text).replace(/\s+/g, ' ');
const anyOf = (phrases: string[]) => {
  const folded = phrases.map(norm);
  return (text: string) => {
    const t = norm(text);
    return folded.some((p) => t.includes(p));
  };
};

/**
 * The editor's refusal to a user without rights on the collection (PROTOCOL §2.1, rec. 02f, 16d, 17d).
 * Spanish and French lose the opening `<b>`, so only the sentence itself is matched.
 */
export const saysNotAuthorized = anyOf([
  'not authorized to edit occurrences',
  'no esta autorizado para editar ocurrencias',
  "n'etes pas autorise a modifier occurrences",
  'nao esta autorizado a editar ocorrencias',
]);

/**
 * A save that the portal queued for review instead of applying (a user with rights to suggest edits only,
 * PROTOCOL §7.1): "Edits submitted, but not activated" in each language.
 */
export const saysQueuedForReview = anyOf([
  'submitted, but not activated',
  'pero no se activaron',
  'mais non activees',
  'mas nao ativadas',
]);

/**
 * The start of a failed save's status line: `ERROR: …` in English and Spanish, `ERREUR: …` in French,
 * `ERRO: …` in Portuguese. The portal paints the line red only when it contains "ERROR"
 * (occurrenceeditor.php), so a French or Portuguese failure is green: colour is no signal.
 */
export const startsAsFailure = (line: string) => /^\s*(error|erreur|erro|failed)\b/i.test(fold(line));

/** The save that worked: "SUCCESS: edits submitted and activated" (3.0–3.4 en, and es before 3.4) … */
export const saysApplied = anyOf([
  'edits submitted and activated',
  'ediciones enviadas y activadas',
  'modifications soumises et activees',
  'edicoes enviadas e ativadas',
]);

/**
 * Column headers of the editor's table view, by the field each one shows. Headers are translated and the
 * set of columns depends on the data (INDEX surprise 8); 3.0–3.3 print some in English whatever the
 * language ("Other Catalog #", "Number", "Event Date"); Portuguese prints most of them empty.
 */
export const TABLE_LABELS: Record<string, string[]> = {
  institutionCode: [
    'Institution Code (override)',
    'Institution Code',
    'Código de institución (anulación)',
    "Code de l'établissement (remplacer)",
    'Código da Instituição (substituir)',
  ],
  collectionCode: [
    'Collection Code (override)',
    'Collection Code',
    'Código de colección (anulación)',
    'Code de la collection (remplacer)',
  ],
  ownerInstitutionCode: [
    'Owner Code (override)',
    'Código de propietario (anulación)',
    'Code du propriétaire (remplacer)',
  ],
  catalogNumber: ['Catalog Number', 'Número de catálogo', 'Numéro de catalogue'],
  otherCatalogNumbers: [
    'Additional Identifiers',
    'Other Catalog #',
    'Other Catalog Numbers',
    'Identificadores Adicionales',
    'Identifiants Supplémentaires',
    'Otros números de catálogo',
    'Autres numéros de catalogue',
  ],
  family: ['Family', 'Familia', 'Famille', 'Família'],
  sciname: ['Scientific Name', 'Nombre científico', 'Nom scientifique', 'Nome científico'],
  scientificNameAuthorship: ['Author', 'Autor', 'Auteur'],
  recordedBy: ['Collector', 'Recolector', 'Collecteur', 'Coletor'],
  recordNumber: [
    'Collector Number',
    'Number',
    'Número de recopilador',
    'Numéro de collecteur',
    'Número do coletor',
  ],
  eventDate: ['Date', 'Event Date', 'Fecha', 'Fecha del evento', "Date de l'événement", 'Data'],
  identifiedBy: ['Identified By', 'Identificado por', 'Identifié par'],
  country: ['Country', 'País', 'Pays'],
  stateProvince: ['State/Province', 'Estado/Provincia', 'État/province', 'Estado/Província'],
  county: ['County', 'Condado', 'Comté'],
  locality: ['Locality', 'Localidad', 'Localité', 'Localidade'],
  decimalLatitude: ['Latitude', 'Latitud'],
  decimalLongitude: ['Longitude', 'Longitud'],
  geodeticDatum: ['Datum', 'Dato', 'Donnée'],
  minimumElevationInMeters: ['Elev. Min. (m)', 'Elev. Mín. (metro)', 'Élév. Min. (m)'],
  habitat: ['Habitat', 'Hábitat'],
  dateLastModified: [
    'Date Last Modified',
    'Fecha de la última modificación',
    'Date de dernière modification',
  ],
  processingStatus: ['Processing Status', 'Estado del procesamiento', 'État du traitement'],
  basisOfRecord: ['Basis Of Record', 'Base del registro', "Base d'enregistrement"],
  continent: ['Continent', 'Continente'],
  recordSecurity: ['Security', 'Seguridad', 'Sécurité'],
};

/**
 * The order in which the table view prints its columns (`$headerMapBase` in occurrencetabledisplay.php,
 * the same from 3.0 to 3.4 for the columns listed): a header the station cannot name lies between its
 * named neighbours, so it can be one of the fields between them only.
 */
export const TABLE_ORDER = [
  'institutionCode',
  'collectionCode',
  'ownerInstitutionCode',
  'catalogNumber',
  'otherCatalogNumbers',
  'family',
  'identificationQualifier',
  'sciname',
  'scientificNameAuthorship',
  'recordedBy',
  'recordNumber',
  'associatedCollectors',
  'eventDate',
  'verbatimEventDate',
  'identificationRemarks',
  'taxonRemarks',
  'identifiedBy',
  'dateIdentified',
  'identificationReferences',
  'country',
  'stateProvince',
  'county',
  'municipality',
  'locality',
  'decimalLatitude',
  'decimalLongitude',
  'identifierName',
  'identifierValue',
  'coordinateUncertaintyInMeters',
  'verbatimCoordinates',
  'geodeticDatum',
  'georeferencedBy',
  'georeferenceProtocol',
  'georeferenceSources',
  'georeferenceVerificationStatus',
  'georeferenceRemarks',
  'minimumElevationInMeters',
  'maximumElevationInMeters',
  'verbatimElevation',
  'minimumDepthInMeters',
  'maximumDepthInMeters',
  'verbatimDepth',
  'habitat',
  'substrate',
  'storageLocation',
  'occurrenceRemarks',
  'associatedTaxa',
  'verbatimAttributes',
  'lifeStage',
  'sex',
  'individualCount',
  'samplingProtocol',
  'preparations',
  'reproductiveCondition',
  'typeStatus',
  'cultivationStatus',
  'establishmentMeans',
  'dataGeneralizations',
  'disposition',
  'duplicateQuantity',
  'dateLastModified',
  'labelProject',
  'processingStatus',
  'recordEnteredBy',
  'dbpk',
  'basisOfRecord',
  'language',
  'continent',
  'islandGroup',
  'island',
  'waterBody',
];

const LABEL_TO_FIELD = new Map<string, string>(
  Object.entries(TABLE_LABELS).flatMap(([field, labels]) => labels.map((l) => [norm(l), field])),
);

/** The field a table header names, or null for a header this station does not know (or an empty one). */
export const fieldOfHeader = (label: string): string | null => LABEL_TO_FIELD.get(norm(label)) ?? null;

/** The portal's language as its page says (`<html lang="es">`), reduced to the languages it ships. */
export function pageLanguage(doc: Document): PortalLanguage | null {
  const tag = (doc.documentElement?.getAttribute('lang') ?? '').trim().toLowerCase().slice(0, 2);
  return (PORTAL_LANGUAGES as string[]).includes(tag) ? (tag as PortalLanguage) : null;
}
