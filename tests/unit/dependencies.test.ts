import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { expect, test } from 'vitest';
import { root } from '../support/sites.ts';

// Every package the code imports is declared in package.json (issue 30, item 5): one that is only
// there as another package's dependency can vanish with that package's next release.
function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|mjs|astro)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Imports that are not this project's: they sit in text it writes for another project. */
const elsewhere: Record<string, string> = {
  // The benchmark's peer, a Starlight site it installs in a folder of its own.
  '@astrojs/starlight': 'src/lib/bench/peer-starlight.ts',
};

test('every imported package is declared in package.json', () => {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const declared = new Set([
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.devDependencies ?? {}),
  ]);
  const builtins = new Set(builtinModules);
  const undeclared = new Map<string, string>();
  const files = [
    ...sourceFiles('src'),
    ...sourceFiles('tests'),
    path.join(root, 'astro.config.mjs'),
  ];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const specifiers = [
      ...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm),
      ...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
      ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
    ].map((match) => match[1]!);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) continue;
      if (/^(node|astro|virtual):/.test(specifier)) continue;
      const parts = specifier.split('/');
      const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
      // A type-only package (`import type { Root } from 'mdast'`) is declared as its @types.
      if (builtins.has(name) || declared.has(name) || declared.has(`@types/${name}`)) continue;
      if (name in elsewhere) continue;
      undeclared.set(name, path.relative(root, file));
    }
  }
  expect([...undeclared]).toEqual([]);
  // The check sees real imports: the packages this project is built on are among those found.
  expect(files.length).toBeGreaterThan(100);
});
