import stamps from './demo-stamps.json';

/**
 * What is stamped on each demo sheet (from shared/demo-herbarium/manifest.json, `stamped_accession_on_image`;
 * null: the sheet has no stamp). The sheets themselves are the demo's copies in public/demo. The benchmark
 * reads the same JSON.
 */
export const DEMO_STAMPS: { barcode: string; stamp: string | null }[] = stamps;

export const DEMO_SHEETS_DIR = `${process.cwd()}/public/demo/imglib/DEMO_VP/DEMO0001`;
