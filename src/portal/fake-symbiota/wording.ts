import type { PortalLanguage } from '../portal';

/** The Symbiota versions the fake can play: 3.4.14 (recorded/) and 3.1.8 (recorded-3.1/), standing for 3.0–3.3. */
export type PortalVersion = '3.4' | '3.1';

/**
 * What the fake portal prints, in the language and version it plays: the strings of the recordings in
 * English, Spanish and French (INDEX §16–17, 3.1 18j–18l) and of the portal's Portuguese files
 * (INDEX "Strings a client might match"; rec. 18m–18s). Everything else on its pages is language-free.
 */
export interface Wording {
  lang: PortalLanguage;
  editor: string;
  notAuthorized: string;
  saveApplied: string;
  errorPrefix: string;
  paging: (from: number, to: number, total: number) => string;
  noRecords: string;
  /** Table headers by column; a column missing here prints an empty header (Portuguese, rec. 18n). */
  columns: Record<string, string>;
  modified: string;
  recordLocked: string;
  readOnly: string;
  loginFailed: string;
  mergeNothingLeft: string;
  noComments: string;
  comments: (n: number) => string;
  /** The record page's label for other catalog numbers (`OTHER_CATALOG_NUMBERS`, rec. 25d, 25q). */
  otherCatalogNumbers: string;
}

const EN_COLUMNS: Record<string, string> = {
  institutionCode: 'Institution Code (override)',
  collectionCode: 'Collection Code (override)',
  ownerInstitutionCode: 'Owner Code (override)',
  catalogNumber: 'Catalog Number',
  otherCatalogNumbers: 'Additional Identifiers',
  family: 'Family',
  sciname: 'Scientific Name',
  scientificNameAuthorship: 'Author',
  recordedBy: 'Collector',
  recordNumber: 'Collector Number',
  eventDate: 'Date',
  identifiedBy: 'Identified By',
  country: 'Country',
  stateProvince: 'State/Province',
  county: 'County',
  locality: 'Locality',
  decimalLatitude: 'Latitude',
  decimalLongitude: 'Longitude',
  geodeticDatum: 'Datum',
  minimumElevationInMeters: 'Elev. Min. (m)',
  habitat: 'Habitat',
  dateLastModified: 'Date Last Modified',
  processingStatus: 'Processing Status',
  // Inference: the table shows a column only when some row holds data, and PHP's empty('0') is true.
  recordSecurity: 'Security',
  basisOfRecord: 'Basis Of Record',
  continent: 'Continent',
};

/** 3.0–3.3 print the table headers in English whatever the language, three of them otherwise (rec. 3.1 03a, 18j). */
const COLUMNS_31: Record<string, string> = {
  ...EN_COLUMNS,
  otherCatalogNumbers: 'Other Catalog #',
  recordNumber: 'Number',
  eventDate: 'Event Date',
};

const ES_COLUMNS: Record<string, string> = {
  institutionCode: 'Código de institución (anulación)',
  collectionCode: 'Código de colección (anulación)',
  ownerInstitutionCode: 'Código de propietario (anulación)',
  catalogNumber: 'Número de catálogo',
  otherCatalogNumbers: 'Identificadores Adicionales',
  family: 'Familia',
  sciname: 'Nombre científico',
  scientificNameAuthorship: 'Autor',
  recordedBy: 'Recolector',
  recordNumber: 'Número de recopilador',
  eventDate: 'Fecha',
  identifiedBy: 'Identificado por',
  country: 'País',
  stateProvince: 'Estado/Provincia',
  county: 'Condado',
  locality: 'Localidad',
  decimalLatitude: 'Latitud',
  decimalLongitude: 'Longitud',
  geodeticDatum: 'Dato',
  minimumElevationInMeters: 'Elev. Mín. (metro)',
  habitat: 'Hábitat',
  dateLastModified: 'Fecha de la última modificación',
  processingStatus: 'Estado del procesamiento',
  recordSecurity: 'Seguridad',
  basisOfRecord: 'Base del registro',
  continent: 'Continente',
};

const FR_COLUMNS: Record<string, string> = {
  institutionCode: "Code de l'établissement (remplacer)",
  collectionCode: 'Code de la collection (remplacer)',
  ownerInstitutionCode: 'Code du propriétaire (remplacer)',
  catalogNumber: 'Numéro de catalogue',
  otherCatalogNumbers: 'Identifiants Supplémentaires',
  family: 'Family',
  sciname: 'Nom scientifique',
  scientificNameAuthorship: 'Auteur',
  recordedBy: 'Collecteur',
  recordNumber: 'Numéro de collecteur',
  eventDate: 'Date',
  identifiedBy: 'Identifié par',
  country: 'Pays',
  stateProvince: 'État/province',
  county: 'Comté',
  locality: 'Localité',
  decimalLatitude: 'Latitude',
  decimalLongitude: 'Longitude',
  geodeticDatum: 'Donnée',
  minimumElevationInMeters: 'Élév. Min. (m)',
  habitat: 'Habitat',
  dateLastModified: 'Date de dernière modification',
  processingStatus: 'État du traitement',
  recordSecurity: 'Sécurité',
  basisOfRecord: "Base d'enregistrement",
  continent: 'Continent',
};

/** Most Portuguese headers are empty: the table view has no Portuguese file of its own (rec. 18n). */
const PT_COLUMNS: Record<string, string> = {
  institutionCode: 'Código da Instituição (substituir)',
  family: 'Family',
  eventDate: 'Data',
  country: 'País',
  stateProvince: 'Estado/Província',
  county: 'Condado',
  locality: 'Localidade',
  habitat: 'Habitat',
};

const english = (columns: Record<string, string>): Wording => ({
  lang: 'en',
  editor: 'Occurrence Editor',
  notAuthorized:
    '<b>ERROR:</b> Sorry, you are not authorized to edit occurrences within this collection. Contact collection administrator if you think this is incorrect',
  saveApplied: 'SUCCESS: edits submitted and activated',
  errorPrefix: 'ERROR',
  paging: (from, to, total) => `| ${from}-${to} of ${total} records |`,
  noRecords: 'No records found matching the query',
  columns,
  modified: 'Modified',
  recordLocked: 'Record Locked!',
  readOnly: 'Read-only Display',
  loginFailed: 'Your username or password was incorrect. Please try again.',
  mergeNothingLeft: 'No duplicate records have been located',
  noComments: 'No comments have been submitted',
  comments: (n) => `${n} Comments`,
  otherCatalogNumbers: 'Secondary Catalog #',
});

const WORDINGS: Record<PortalLanguage, Wording> = {
  en: english(EN_COLUMNS),
  es: {
    lang: 'es',
    editor: 'Editor de Ocurrencias',
    notAuthorized:
      'ERROR:</b> Disculpe, no está autorizado para editar ocurrencias dentro de esta colección. Contactacte al administrador de la colección si piensa que esto es incorrecto',
    saveApplied: 'ÉXITO: ediciones enviadas y activadas',
    errorPrefix: 'ERROR',
    paging: (from, to, total) => `| ${from}-${to} de ${total} registro |`,
    noRecords: 'No se encontraron registros que coincidan con la búsqueda',
    columns: ES_COLUMNS,
    modified: 'Modificado',
    recordLocked: '¡Registro Bloqueado!',
    readOnly: 'Vista de Lectura Únicamente',
    loginFailed: 'Su nombre de usuario o contraseña es incorrecto. Intente de nuevo por favor.',
    mergeNothingLeft: 'No se han localizado registros duplicados',
    noComments: 'No hay comentarios enviados',
    comments: (n) => `${n} Comentarios`,
    otherCatalogNumbers: '# Secundario de Catálogo',
  },
  fr: {
    lang: 'fr',
    editor: "Éditeur d'occurrences",
    notAuthorized:
      "ERREUR:</b> Désolé, vous n'êtes pas autorisé à modifier occurrences dans cette collection. Contactez administrateur de collection si vous pensez que cela est incorrect",
    saveApplied: 'SUCCÈS: modifications soumises et activées',
    errorPrefix: 'ERREUR',
    paging: (from, to, total) => `| ${from}-${to} de ${total} enregistrements |`,
    noRecords: 'Aucun enregistrement trouvé correspondant à requête',
    columns: FR_COLUMNS,
    modified: 'Modifié',
    recordLocked: 'Enregistrement verrouillé!',
    readOnly: 'Affichage en Lecture Seule',
    loginFailed: "Votre nom d'utilisateur ou mot de passe était incorrect. Veuillez réessayer.",
    mergeNothingLeft: "Aucun enregistrement en double n'a été localisé",
    noComments: "Aucun commentaire n'a été envoyé",
    comments: (n) => `${n} Commentaires`,
    otherCatalogNumbers: 'N° Catalogue Secondaire',
  },
  pt: {
    lang: 'pt',
    editor: 'Editor de Ocorrência',
    notAuthorized:
      '<b>ERRO:</b> Desculpe, você não está autorizado a editar ocorrências nesta coleção. Entre em contato com o administrador da coleção se você achar que isso está incorreto',
    saveApplied: 'SUCESSO: edições enviadas e ativadas',
    errorPrefix: 'ERRO',
    // The table view has no Portuguese file: its paging falls back to English (rec. 18n, 18o).
    paging: (from, to, total) => `| ${from}-${to} of ${total} records |`,
    noRecords: 'Nenhum registro encontrado correspondente à consulta',
    columns: PT_COLUMNS,
    modified: 'Modificado',
    recordLocked: 'Registro bloqueado!',
    readOnly: 'Exibição somente leitura',
    // No Portuguese login file: a failed login shows an empty (green) message (INDEX §16–17).
    loginFailed: '',
    mergeNothingLeft: '',
    noComments: 'Nenhum comentário foi enviado',
    comments: (n) => `${n} Comentários`,
    otherCatalogNumbers: 'Catálogo Secundário #',
  },
};

/**
 * The wording of a portal in a language and version. 3.0–3.3 print the table headers in English and, in
 * Spanish, the English save line (rec. 3.1 18j, 18l).
 */
export function wordingFor(lang: PortalLanguage, version: PortalVersion): Wording {
  const wording = WORDINGS[lang];
  if (version === '3.4') return wording;
  return {
    ...wording,
    columns: COLUMNS_31,
    saveApplied: lang === 'es' ? WORDINGS.en.saveApplied : wording.saveApplied,
  };
}
