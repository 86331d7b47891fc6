import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const documents = [
  'README.md',
  'docs/PROTOCOL.md',
  ...readdirSync(join(root, 'docs/decisions')).map((file) => `docs/decisions/${file}`),
];
// Paths into this repository, and every mention of a recordings folder (PROTOCOL.md once said `recorded/`,
// which exists only as tests/contract/recorded/). Portal paths such as `collections/` are left alone.
const repositoryPath = /^(?:src|tests|scripts|public|docs)\/|(?:^|\/)recorded(?:-\d\.\d)?\//;

describe('the paths the documentation names', () => {
  it.each(documents)('exist in the repository (%s)', (document) => {
    const text = readFileSync(join(root, document), 'utf8');
    const named = [...text.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!).filter((p) => repositoryPath.test(p) && !p.includes('*')); // a pattern names no one path
    expect(named.filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });
});
