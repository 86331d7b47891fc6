/** `omoccurrences` columns by their database names, in API v2 order (recording 07a, plus the hidden ones). */
export const COLUMNS = [
  'occid', 'collid', 'dbpk', 'basisOfRecord', 'occurrenceID', 'catalogNumber', 'otherCatalogNumbers', 'ownerInstitutionCode',
  'datasetID', 'organismID', 'institutionCode', 'collectionCode', 'family', 'sciname', 'tidInterpreted', 'genus',
  'specificEpithet', 'taxonRank', 'infraspecificEpithet', 'scientificNameAuthorship', 'taxonRemarks', 'identifiedBy',
  'dateIdentified', 'identificationReferences', 'identificationRemarks', 'identificationQualifier', 'typeStatus',
  'recordedBy', 'recordNumber', 'associatedCollectors', 'eventDate', 'eventDate2', 'year', 'month', 'day',
  'startDayOfYear', 'endDayOfYear', 'verbatimEventDate', 'eventTime', 'habitat', 'substrate', 'fieldNotes', 'fieldNumber',
  'eventID', 'occurrenceRemarks', 'informationWithheld', 'dataGeneralizations', 'associatedTaxa', 'dynamicProperties',
  'verbatimAttributes', 'behavior', 'vitality', 'reproductiveCondition', 'cultivationStatus', 'establishmentMeans',
  'lifeStage', 'sex', 'individualCount', 'samplingProtocol', 'samplingEffort', 'preparations', 'locationID', 'continent',
  'waterBody', 'parentLocationID', 'islandGroup', 'island', 'countryCode', 'country', 'stateProvince', 'county',
  'municipality', 'locality', 'recordSecurity', 'securityReason', 'decimalLatitude', 'decimalLongitude', 'geodeticDatum',
  'coordinateUncertaintyInMeters', 'locationRemarks', 'verbatimCoordinates', 'georeferencedBy', 'georeferencedDate',
  'georeferenceProtocol', 'georeferenceSources', 'georeferenceVerificationStatus', 'georeferenceRemarks',
  'minimumElevationInMeters', 'maximumElevationInMeters', 'verbatimElevation', 'minimumDepthInMeters',
  'maximumDepthInMeters', 'verbatimDepth', 'availability', 'disposition', 'storageLocation', 'modified', 'language',
  'processingStatus', 'recordEnteredBy', 'observerUid', 'labelProject', 'duplicateQuantity', 'recordID', 'dateEntered',
  'dateLastModified',
] as const;

const BY_LOWER = new Map<string, string>(COLUMNS.map((c) => [c.toLowerCase(), c]));

/** The editor posts lower-case field names (PROTOCOL §7.1); this finds the column they stand for. */
export const columnFor = (posted: string): string | undefined => BY_LOWER.get(posted.toLowerCase());

/** Hidden by API v2 (PROTOCOL §6.1). */
export const API_HIDDEN = new Set(['otherCatalogNumbers', 'recordEnteredBy', 'observerUid', 'labelProject']);
/** Never copied by a merge (PROTOCOL §9.3). */
export const NOT_MERGED = new Set(['occid', 'collid', 'dbpk', 'dateLastModified']);
export const NUMERIC = new Set(['occid', 'collid', 'tidInterpreted', 'year', 'month', 'day', 'startDayOfYear', 'endDayOfYear',
  'recordSecurity', 'decimalLatitude', 'decimalLongitude', 'coordinateUncertaintyInMeters', 'minimumElevationInMeters',
  'maximumElevationInMeters', 'minimumDepthInMeters', 'maximumDepthInMeters', 'duplicateQuantity', 'individualCount']);
