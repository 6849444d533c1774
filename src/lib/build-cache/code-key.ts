import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A key for the code that turns a cached piece of work's inputs into its output: a hash of the
 * entry module and every project module it imports, directly or not, plus the exact versions
 * of every dependency (`package-lock.json`) and of Node. Editing a markup plugin changes the key
 * of rendered chapters but not of font subsets; upgrading any package changes every key. So a
 * cache entry is only ever reused by the code that made it.
 *
 * Project modules are found by their relative import specifiers (`'./scenes.ts'`), which this
 * project always writes with their extension; package imports are covered by the lock file.
 */
export function codeKey(entry: string, root = process.cwd()): string {
  const id = `${root}\0${entry}`;
  let key = keys.get(id);
  if (!key) keys.set(id, (key = hashModuleGraph(entry, root)));
  return key;
}

/** Computed once per process: the code does not change while a build runs. */
const keys = new Map<string, string>();

/** {@link codeKey}, computed afresh. */
export function hashModuleGraph(entry: string, root: string): string {
  const hash = createHash('sha256').update(`node ${process.version}\n`);
  const lock = path.join(root, 'package-lock.json');
  hash.update(existsSync(lock) ? readFileSync(lock) : 'no lock file');
  for (const file of moduleGraph(path.resolve(root, entry))) {
    hash.update(`\0${path.relative(root, file)}\0`).update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** The entry and every project module it reaches through relative imports, sorted. */
export function moduleGraph(entry: string): string[] {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const specifier of relativeImports(source)) {
      const target = path.resolve(path.dirname(file), specifier);
      // A type-only import of a module that is not there would fail `astro check`, not a build.
      if (existsSync(target)) pending.push(target);
    }
  }
  return [...seen].sort();
}

/** The relative specifiers of a module's static and dynamic imports and re-exports. */
export function relativeImports(source: string): string[] {
  const specifiers = new Set<string>();
  const patterns = [
    /\b(?:import|export)\s[^'"]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]/g,
    /\bimport\s*['"](\.{1,2}\/[^'"]+)['"]/g,
    /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) specifiers.add(match[1]!);
  }
  return [...specifiers];
}
