// The production bundle must carry no demo portal: no MSW, no fake Symbiota, no demo sheets.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INITIAL_JS_LIMIT_KB, initialJs } from './initial-js.mjs';

const dist = 'dist';
const problems = [];
for (const forbidden of ['mockServiceWorker.js', 'demo']) {
  if (existsSync(join(dist, forbidden))) problems.push(`${dist}/${forbidden} is in the production build`);
}
// An upgrade copies dist/ over the installed app: a config.json in it would overwrite the station's own
// (docs/decisions/012). The example goes in its place.
if (existsSync(join(dist, 'config.json')))
  problems.push(
    `${dist}/config.json is in the build: copying it over an installation would replace its config`,
  );
for (const needed of ['config.example.json', 'index.html', 'favicon.svg'])
  if (!existsSync(join(dist, needed))) problems.push(`${dist}/${needed} is missing from the build`);
if (!/<link rel="icon"[^>]*href="\.\/favicon\.svg"/.test(readFileSync(join(dist, 'index.html'), 'utf8')))
  problems.push(`${dist}/index.html does not link favicon.svg: browsers would ask for /favicon.ico (a 404)`);
for (const file of readdirSync(join(dist, 'assets'))) {
  const text = readFileSync(join(dist, 'assets', file), 'utf8');
  for (const marker of ['setupWorker', 'mockServiceWorker', '__demoPortal', 'FakeSymbiota']) {
    if (text.includes(marker)) problems.push(`${file} contains ${marker}`);
  }
}
// The first screen must come quickly on a station's network: the screens, the viewer and the readers
// load when first needed (src/app/screens.tsx).
const first = initialJs(dist);
if (first.kb > INITIAL_JS_LIMIT_KB)
  problems.push(
    `the JavaScript before the login screen is ${first.kb} KB gzip (limit ${INITIAL_JS_LIMIT_KB} KB): ${first.files
      .map((f) => `${f.file} ${Math.round(f.gzipBytes / 1024)} KB`)
      .join(', ')}`,
  );
if (problems.length > 0) {
  console.error(`Production build check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.warn(
  `Production build check: no demo portal code or assets and no config.json in dist/; ${first.kb} KB gzip of JavaScript before the login screen (limit ${INITIAL_JS_LIMIT_KB} KB).`,
);
