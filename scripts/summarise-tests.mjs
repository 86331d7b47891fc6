// Prints one closing line for the whole `npm test` run: "tests: N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
if (existsSync('reports/vitest.json')) {
  const vitest = JSON.parse(readFileSync('reports/vitest.json', 'utf8'));
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
}
if (existsSync('reports/playwright.json')) {
  const playwright = JSON.parse(readFileSync('reports/playwright.json', 'utf8'));
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
}
console.warn(`tests: ${passed} passed, ${failed} failed`);
