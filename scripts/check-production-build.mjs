// The production bundle must carry no demo portal: no MSW, no fake Symbiota, no demo sheets.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = 'dist';
const problems = [];
for (const forbidden of ['mockServiceWorker.js', 'demo']) {
  if (existsSync(join(dist, forbidden))) problems.push(`${dist}/${forbidden} is in the production build`);
}
for (const file of readdirSync(join(dist, 'assets'))) {
  const text = readFileSync(join(dist, 'assets', file), 'utf8');
  for (const marker of ['setupWorker', 'mockServiceWorker', '__demoPortal', 'FakeSymbiota']) {
    if (text.includes(marker)) problems.push(`${file} contains ${marker}`);
  }
}
if (problems.length > 0) {
  console.error(`Production build check failed:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.warn('Production build check: no demo portal code or assets in dist/.');
