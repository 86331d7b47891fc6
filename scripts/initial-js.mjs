// How much JavaScript a browser loads before the login screen: the entry script and the modules
// index.html preloads with it, gzip-compressed as a server sends them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const INITIAL_JS_LIMIT_KB = 150;

export function initialJs(dist = 'dist') {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]);
  const sizes = files.map((file) => ({
    file,
    gzipBytes: gzipSync(readFileSync(join(dist, file.replace(/^\.?\//, '')))).length,
  }));
  const kb = Math.round((sizes.reduce((sum, s) => sum + s.gzipBytes, 0) / 1024) * 10) / 10;
  return { kb, files: sizes };
}
