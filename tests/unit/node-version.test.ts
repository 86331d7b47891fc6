import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const read = (file: string) => readFileSync(join(import.meta.dirname, '../..', file), 'utf8');
const manifest = JSON.parse(read('package.json')) as { engines: { node: string } };
const lock = JSON.parse(read('package-lock.json')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};
const oldestNode = semver.minVersion(manifest.engines.node)!.version;

// `npm ci` warns (EBADENGINE) for every installed package whose engines.node refuses the running Node:
// on the oldest Node the README names there must be none (docs/decisions/001).
describe('the Node version the README names', () => {
  it('is the oldest one package.json accepts', () => {
    const [major, minor] = oldestNode.split('.');
    expect(read('README.md')).toContain(`Node ${major}.${minor} or newer`);
  });

  it('is accepted by every package in the lock file', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, entry]) => {
        const range = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return range && !semver.satisfies(oldestNode, range)
          ? [`${path}@${entry.version}: node ${range}`]
          : [];
      });
    expect(refusing).toEqual([]);
  });
});
