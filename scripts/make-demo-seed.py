"""Regenerates src/portal/fake-symbiota/demo-herbarium.json from ../shared/demo-herbarium.

Occids, media ids and identifier ids follow the recorded 3.4.14 portal (tests/contract/recorded), so that
the fake and the recordings describe the same collection. Run from the repository root:
    python3 scripts/make-demo-seed.py ../shared/demo-herbarium
"""
import csv, json, sys, pathlib

src = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '../shared/demo-herbarium')
manifest = json.loads((src / 'manifest.json').read_text())
legacy = list(csv.DictReader((src / 'legacy_records.csv').open(encoding='utf-8')))

COUNTRY = {'USA': 'United States'}
records, identifiers, media = [], [], []
for i, row in enumerate(legacy, start=1):
    fields = {k: (v if v != '' else None) for k, v in row.items()}
    fields['country'] = COUNTRY.get(fields['country'], fields['country'])
    fields['countryCode'] = 'US'
    fields['continent'] = 'North America'
    fields['processingStatus'] = None
    records.append({'occid': i, 'fields': fields})
    identifiers.append({'id': i, 'occid': i, 'name': '', 'value': row['otherCatalogNumbers']})

# Recording 04b shows legacy record 6 (accession 1500) already carrying barcode DEMO0001241.
records[5]['fields']['catalogNumber'] = 'DEMO0001241'

# Skeletal occids as the recorded portal numbered them (05a/05b); DEMO0001240 was not listed there.
SKELETAL_OCCID = {'DEMO0001231': 36, 'DEMO0001232': 38, 'DEMO0001233': 33, 'DEMO0001234': 34, 'DEMO0001235': 41,
                  'DEMO0001236': 35, 'DEMO0001237': 32, 'DEMO0001238': 39, 'DEMO0001239': 37, 'DEMO0001240': 40}
MEDIA_ID = {'DEMO0001237': 1, 'DEMO0001234': 3, 'DEMO0001239': 6}
spare_media = iter([2, 4, 5, 7, 8, 9, 10])
for sk in manifest['skeletal']:
    bc = sk['catalogNumber']
    occid = SKELETAL_OCCID[bc]
    records.append({'occid': occid, 'fields': {'catalogNumber': bc, 'processingStatus': 'unprocessed', 'basisOfRecord': 'PreservedSpecimen'},
                    'sheet': {'stamp': sk['stamped_accession_on_image'], 'duplicateOf': sk['duplicate_of_legacy_otherCatalogNumbers'], 'labelSciname': sk['label_sciname']}})
    mid = MEDIA_ID.get(bc) or next(spare_media)
    media.append({'mediaId': mid, 'occid': occid, 'url': f'imglib/DEMO_VP/DEMO0001/{bc}_med.jpg',
                  'thumbnailUrl': f'imglib/DEMO_VP/DEMO0001/{bc}_tn.jpg', 'originalUrl': f'imglib/DEMO_VP/DEMO0001/{bc}.jpg'})

legacy_img = manifest['legacy_image']
owner = next(r for r in records if r['fields'].get('otherCatalogNumbers') == legacy_img['otherCatalogNumbers'])
media.append({'mediaId': 11, 'occid': owner['occid'], 'url': 'imglib/DEMO_VP/202611/legacy_2310_lg.jpg',
              'thumbnailUrl': 'imglib/DEMO_VP/202611/legacy_2310_tn.jpg', 'originalUrl': 'imglib/DEMO_VP/202611/legacy_2310.jpg'})

records.sort(key=lambda r: r['occid'])
out = {'source': 'shared/demo-herbarium (legacy_records.csv, manifest.json)', 'records': records,
       'identifiers': identifiers, 'media': sorted(media, key=lambda m: m['mediaId'])}
path = pathlib.Path('src/portal/fake-symbiota/demo-herbarium.json')
path.write_text(json.dumps(out, indent=1, ensure_ascii=False) + '\n')
print(f'wrote {path}: {len(records)} records, {len(identifiers)} identifiers, {len(media)} images')
