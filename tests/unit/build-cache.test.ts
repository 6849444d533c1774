import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
  hashModuleGraph,
  moduleGraph,
  relativeImports,
} from '../../src/lib/build-cache/code-key.ts';
import {
  cached,
  cachedJson,
  cacheKey,
  openBuildCache,
  sweepBuildCache,
} from '../../src/lib/build-cache/index.ts';
import { root } from '../support/sites.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'build-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the code a cache entry depends on', () => {
  test('is found through every kind of relative import, and packages are left to the lock file', () => {
    const source = `
      import { a } from './a.ts';
      import type { B } from "../b.ts";
      import {
        c,
        d,
      } from './c.ts';
      export { e } from './e.ts';
      export * from './f.ts';
      import './side-effect.ts';
      const g = await import('./g.ts');
      import sharp from 'sharp';
      import path from 'node:path';
    `;
    expect(relativeImports(source).sort()).toEqual(
      ['../b.ts', './a.ts', './c.ts', './e.ts', './f.ts', './g.ts', './side-effect.ts'].sort(),
    );
  });

  test('of rendered chapters is every markup plugin, and not the font or EPUB steps', () => {
    const graph = moduleGraph(path.join(root, 'src/lib/story/render-worker.ts')).map((file) =>
      path.relative(root, file),
    );
    const plugins = readdirSync(path.join(root, 'src/lib/markup')).filter((f) => f.endsWith('.ts'));
    // Every module of the markup folder is part of the key but two the chapter pipeline does
    // not run: the front-matter field renderer and the entire-work page's id prefixer.
    const used = graph.filter((file) => file.startsWith('src/lib/markup/'));
    expect(used.length).toBe(plugins.length - 2);
    for (const file of ['scenes.ts', 'flashbacks.ts', 'smart-punctuation.ts', 'index.ts'])
      expect(graph).toContain(`src/lib/markup/${file}`);
    expect(graph.some((file) => file.startsWith('src/lib/epub/'))).toBe(false);
    expect(graph).not.toContain('src/integrations/font-subsets.ts');
  });

  test('changes when any module it reaches changes, or a dependency, and not otherwise', () => {
    const project = path.join(scratch, 'project');
    mkdirSync(path.join(project, 'lib'), { recursive: true });
    const write = (file: string, text: string) => writeFileSync(path.join(project, file), text);
    write('package-lock.json', '{"packages":{"node_modules/sharp":{"version":"0.34.1"}}}');
    write('entry.ts', "import { b } from './lib/b.ts';\nexport const a = b;\n");
    write('lib/b.ts', "export { c as b } from './c.ts';\n");
    write('lib/c.ts', 'export const c = 1;\n');
    write('lib/unrelated.ts', 'export const u = 1;\n');
    const key = () => hashModuleGraph('entry.ts', project);
    const original = key();
    expect(key()).toBe(original);
    write('lib/unrelated.ts', 'export const u = 2;\n');
    expect(key(), 'a module the entry does not import').toBe(original);
    write('lib/c.ts', 'export const c = 2;\n');
    const afterPlugin = key();
    expect(afterPlugin, 'a module two imports away').not.toBe(original);
    write('package-lock.json', '{"packages":{"node_modules/sharp":{"version":"0.34.2"}}}');
    expect(key(), 'a dependency upgraded').not.toBe(afterPlugin);
  });
});

describe('the build cache', () => {
  test('makes once, then hands back the same bytes; keys tell inputs apart', async () => {
    const dir = path.join(scratch, 'cache');
    openBuildCache(dir);
    let made = 0;
    const make = async () => {
      made += 1;
      return new Uint8Array([1, 2, made]);
    };
    const key = () => cacheKey('epubs', ['a', 'bc']);
    expect(await cached('epubs', key, make)).toEqual(new Uint8Array([1, 2, 1]));
    expect(Buffer.from(await cached('epubs', key, make))).toEqual(Buffer.from([1, 2, 1]));
    expect(made).toBe(1);
    // The same characters split differently are different inputs.
    expect(cacheKey('epubs', ['ab', 'c'])).not.toBe(key());
    expect(cacheKey('fonts', ['a', 'bc'])).not.toBe(key());
    expect(await cached('epubs', () => cacheKey('epubs', ['ab', 'c']), make)).toEqual(
      new Uint8Array([1, 2, 2]),
    );
    expect(sweepBuildCache()).toBe('reused 1 of 3 EPUBs; removed 0 unused entries');
  });

  test('hands back a JSON value equal to the one made', async () => {
    openBuildCache(path.join(scratch, 'json'));
    const value = { html: '<p>“Hi”</p>', words: 1, images: ['a.png'] };
    const key = () => cacheKey('chapters', ['/story/work/01-a.md', 'Hi']);
    const made = await cachedJson('chapters', key, async () => value);
    const again = await cachedJson('chapters', key, async () => ({ html: 'not this' }));
    expect(made).toEqual(value);
    expect(again).toEqual(value);
    expect(sweepBuildCache()).toMatch(/^reused 1 of 2 rendered chapters;/);
  });

  test('removes, after a build, the entries that build did not use', async () => {
    const dir = path.join(scratch, 'sweep');
    const old = (name: string) => {
      const file = path.join(dir, 'chapters', name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, name);
      utimesSync(file, new Date('2026-01-01'), new Date('2026-01-01'));
    };
    old(cacheKey('chapters', ['kept']));
    old(cacheKey('chapters', ['dropped']));
    openBuildCache(dir);
    const kept = await cached(
      'chapters',
      () => cacheKey('chapters', ['kept']),
      async () => new Uint8Array(),
    );
    expect(Buffer.from(kept).toString()).toBe(cacheKey('chapters', ['kept']));
    expect(sweepBuildCache()).toBe('reused 1 of 1 rendered chapters; removed 1 unused entry');
    expect(readdirSync(path.join(dir, 'chapters'))).toEqual([cacheKey('chapters', ['kept'])]);
  });

  test('is not used unless a build opened it', async () => {
    (globalThis as Record<symbol, unknown>)[Symbol.for('fiction-reader.build-cache')] = undefined;
    let made = 0;
    const make = async () => new Uint8Array([(made += 1)]);
    await cached('fonts', () => 'never-computed', make);
    await cached('fonts', () => 'never-computed', make);
    expect(made).toBe(2);
    expect(sweepBuildCache()).toBeUndefined();
  });
});
