/**
 * What is stamped on each demo sheet (from shared/demo-herbarium/manifest.json, `stamped_accession_on_image`;
 * null: the sheet has no stamp). The sheets themselves are the demo's copies in public/demo.
 */
export const DEMO_STAMPS: { barcode: string; stamp: string | null }[] = [
  { barcode: 'DEMO0001231', stamp: '5120' },
  { barcode: 'DEMO0001232', stamp: '4488' },
  { barcode: 'DEMO0001233', stamp: '233' },
  { barcode: 'DEMO0001234', stamp: '1499' },
  { barcode: 'DEMO0001235', stamp: '145' },
  { barcode: 'DEMO0001236', stamp: '6001' },
  { barcode: 'DEMO0001237', stamp: '612' },
  { barcode: 'DEMO0001238', stamp: null },
  { barcode: 'DEMO0001239', stamp: '452' },
  { barcode: 'DEMO0001240', stamp: '981' },
];

export const DEMO_SHEETS_DIR = `${process.cwd()}/public/demo/imglib/DEMO_VP/DEMO0001`;
