// How much JavaScript a browser loads before the login screen: the entry script and the modules
// index.html preloads with it, and the first-screen part of the catalog of the language the station starts
// in (i18n-<locale>-HASH.js; the largest counts, as a station may start in any; the work screens' part,
// i18n-<locale>-screens-HASH.js, comes after the login screen), gzip-compressed as a server sends them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const INITIAL_JS_LIMIT_KB = 150;

export function initialJs(dist = 'dist') {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]);
  const gzipBytes = (file) => gzipSync(readFileSync(join(dist, file.replace(/^\.?\//, '')))).length;
  const sizes = files.map((file) => ({ file, gzipBytes: gzipBytes(file) }));
  const catalogs = readdirSync(join(dist, 'assets'))
    .filter((f) => /^i18n-.*\.js$/.test(f) && !/^i18n-.*-screens-/.test(f))
    .map((f) => ({ file: `./assets/${f}`, gzipBytes: gzipBytes(`assets/${f}`) }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  if (catalogs.length === 0)
    throw new Error('No i18n-<locale> catalog chunk in the build (vite.config.ts manualChunks).');
  sizes.push(catalogs[0]);
  const kb = Math.round((sizes.reduce((sum, s) => sum + s.gzipBytes, 0) / 1024) * 10) / 10;
  return { kb, files: sizes };
}
