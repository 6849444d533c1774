import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkFidelity } from '../../src/lib/import/fidelity.ts';
import {
  importStory,
  readStory,
  ImportError,
  type ImportedStory,
} from '../../src/lib/import/index.ts';
import { ao3Epub, bytes, contentDir, fixture } from '../support/import-fixtures.ts';
import { root } from '../support/sites.ts';

// The importer's edges: broken and hostile files get a clear error, and the command an author
// runs writes, checks and reports.

describe('hostile and broken input gives a clear error, never a stack trace', () => {
  test.each([
    [
      'an AO3 file cut off in its preface',
      () => fixture('ao3-2025-multi.html').subarray(0, 600),
      /no chapter text|cut short/,
    ],
    ['an EPUB cut in half', () => ao3Epub().subarray(0, 2000), /damaged or cut short/],
    [
      'a Word document (a zip, not an EPUB)',
      () => Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(60)]),
      /not an EPUB/,
    ],
    ['a PDF', () => Buffer.from('%PDF-1.7\n...'), /This is a PDF/],
    ['binary data', () => Buffer.from([0x00, 0x01, 0x02, 0x41, 0x00]), /not text/],
    ['an empty file', () => Buffer.from(''), /empty/],
    [
      'other HTML',
      () => Buffer.from('<html><body><p>Hello</p></body></html>'),
      /not an AO3 or FanFicFare download/,
    ],
  ])('%s', async (_name, make, message) => {
    const attempt = importStory(bytes(make()), {});
    await expect(attempt).rejects.toBeInstanceOf(ImportError);
    await expect(attempt).rejects.toThrow(message);
  });
});

test('the fidelity check names the first word that would change', async () => {
  const dir = contentDir();
  const story: ImportedStory = await readStory(bytes(fixture('pasted.txt')));
  const { writeStory } = await import('../../src/lib/import/write.ts');
  const written = writeStory(story);
  expect(await checkFidelity(story, written, dir)).toBeUndefined();
  const text = written.texts.find(
    (t) => t.label.startsWith('chapter 1') && t.label.endsWith('text'),
  )!;
  text.converted.markdown = text.converted.markdown.replace('at midnight', 'at noon');
  expect(await checkFidelity(story, written, dir)).toEqual({
    where: 'chapter 1 ("The Thirteenth Hour") text',
    expected: expect.stringContaining('at midnight'),
    found: expect.stringContaining('at noon'),
  });
});

describe('npm run import', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, [path.join(root, 'src/cli/import.ts'), ...args], {
      cwd: root,
      encoding: 'utf8',
    });

  test('writes the work folder, prints the files and the report, and never overwrites without --force', () => {
    const out = contentDir();
    const source = path.join(root, 'tests/fixtures/import/pasted.txt');
    const first = cli([source, '--out', out, '--slug', 'clock']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('clock/01-the-thirteenth-hour.md');
    expect(first.stdout).toContain(
      'Read as plain text: "The Clockmaker\'s Daughter" by Tilly Gears, 3 chapters',
    );
    expect(
      readdirSync(path.join(out, 'clock'))
        .filter((name) => !name.startsWith('.'))
        .sort(),
    ).toEqual(['01-the-thirteenth-hour.md', '02-chapter-2.md', '03-epilogue.md', 'work.md']);
    // What it wrote is recorded beside it, each file with its digest.
    const record = JSON.parse(readFileSync(path.join(out, 'clock', '.import.json'), 'utf8'));
    expect(record.source).toBe('pasted.txt');
    expect(Object.keys(record.files).sort()).toEqual([
      '01-the-thirteenth-hour.md',
      '02-chapter-2.md',
      '03-epilogue.md',
      'work.md',
    ]);
    const again = cli([source, '--out', out, '--slug', 'clock']);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already exists: nothing was written.*--force/);
  });

  test('--force replaces only what the importer wrote: added files are kept, edited ones refuse', () => {
    const out = contentDir();
    const source = path.join(root, 'tests/fixtures/import/pasted.txt');
    expect(cli([source, '--out', out, '--slug', 'clock']).status).toBe(0);
    const work = path.join(out, 'clock');
    // The author goes on writing: a chapter and a picture of their own.
    writeFileSync(
      path.join(work, '04-after-midnight.md'),
      '---\ntitle: After midnight\n---\n\nNew.\n',
    );
    mkdirSync(path.join(work, 'images'));
    writeFileSync(path.join(work, 'images', 'map.png'), 'png bytes');
    // ...and edits a chapter the importer wrote: --force refuses, naming it, and writes nothing.
    const chapter = path.join(work, '02-chapter-2.md');
    const imported = readFileSync(chapter, 'utf8');
    writeFileSync(chapter, `${imported}\nA line the author added.\n`);
    const refused = cli([source, '--out', out, '--slug', 'clock', '--force']);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toMatch(
      /clock: --force would overwrite files edited since the import \(02-chapter-2\.md\): nothing was written\./m,
    );
    expect(readFileSync(chapter, 'utf8')).toContain('A line the author added.');
    // The edit undone: the import is replaced, the author's own files kept and named.
    writeFileSync(chapter, imported);
    writeFileSync(path.join(work, 'work.md'), readFileSync(path.join(work, 'work.md')));
    const forced = cli([source, '--out', out, '--slug', 'clock', '--force']);
    expect(forced.status, forced.stderr).toBe(0);
    expect(forced.stdout).toContain(
      "Kept, as they are not the importer's: 04-after-midnight.md, images/map.png",
    );
    expect(readFileSync(path.join(work, 'images', 'map.png'), 'utf8')).toBe('png bytes');
    expect(existsSync(path.join(work, '04-after-midnight.md'))).toBe(true);
    expect(readFileSync(path.join(work, 'work.md'), 'utf8')).toContain('title: The Clockmaker');
  });

  test('--force refuses over a folder the importer never wrote, naming what it would overwrite', () => {
    const out = contentDir();
    mkdirSync(path.join(out, 'clock'));
    writeFileSync(path.join(out, 'clock', 'work.md'), '---\ntitle: Mine\n---\n');
    const source = path.join(root, 'tests/fixtures/import/pasted.txt');
    const refused = cli([source, '--out', out, '--slug', 'clock', '--force']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('files this command did not write (work.md)');
    expect(readFileSync(path.join(out, 'clock', 'work.md'), 'utf8')).toBe(
      '---\ntitle: Mine\n---\n',
    );
  });

  test('a folder imports each story as a work, and names the files it skips and why', () => {
    const out = contentDir();
    const folder = contentDir();
    for (const name of ['pasted.txt', 'ao3-2019-single.html'])
      writeFileSync(
        path.join(folder, name),
        readFileSync(path.join(root, 'tests/fixtures/import', name)),
      );
    writeFileSync(path.join(folder, 'notes.pdf'), '%PDF-1.7\n...');
    const run = cli([folder, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('2 of 3 file(s)');
    expect(run.stdout).toMatch(/Skipped:\n {2}notes\.pdf: This is a PDF/);
    const works = readdirSync(out).sort();
    expect(works).toHaveLength(2);
    for (const work of works) expect(existsSync(path.join(out, work, 'work.md'))).toBe(true);
    // One work's name for a folder makes no sense.
    expect(cli([folder, '--out', out, '--slug', 'x']).status).toBe(2);
  });

  test('--help prints what the command does and its options', () => {
    const run = cli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run import -- <story file or folder>/);
    for (const option of ['--out', '--slug', '--force', '--help'])
      expect(run.stdout).toContain(option);
  });

  test('fails with a message and exit code, writing nothing, on a bad file or bad arguments', () => {
    const out = contentDir();
    const missing = cli(['nowhere.txt', '--out', out]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Cannot read "nowhere.txt"');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    expect(cli([]).status).toBe(2);
    expect(cli(['a.txt', '--slug', 'Not A Slug']).status).toBe(2);
    expect(existsSync(path.join(out, 'nowhere'))).toBe(false);
  });
});
