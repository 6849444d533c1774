// `npm run import -- <file or folder> [--out <content folder>] [--slug <work-slug>] [--force]`:
// an author's existing story (an AO3 or FanFicFare download, HTML or EPUB, or plain text) as a
// work folder of the content format; a folder of such files as one work each. A thin shell over
// src/lib/import/.
import { existsSync, statSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importStory, ImportError } from '../lib/import/index.ts';
import { planReplacement, recordFile, recordOf } from '../lib/import/replace.ts';
import { formatProblem, validateContent } from '../lib/story/validate/index.ts';

const usage =
  'Usage: npm run import -- <story file or folder> [--out <content folder>] [--slug <work-slug>] [--force]';
const help = `${usage}

Imports a story as a work folder of the content format: an AO3 download (HTML or EPUB), a
FanFicFare EPUB or HTML, or plain text. A folder imports each of its files as a work; files that
are not stories are named and skipped.

  --out <folder>   the content folder to write into (default: content)
  --slug <slug>    the work's folder name (default: from its title; not with a folder)
  --force          import again over a work this command imported: its files are replaced,
                   files you added since are kept; it refuses, naming them, if you edited any
                   of its files or if it would overwrite a file it did not write
  --help           this text`;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'content' },
      slug: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(help);
  process.exit(0);
}
const [source] = positionals;
if (!source || positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}
if (values.slug !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(values.slug)) {
  console.error(
    `"${values.slug}" is not a URL slug: use lowercase letters, digits and hyphens (e.g. "my-story").`,
  );
  process.exit(2);
}
const isFolder = existsSync(source) && statSync(source).isDirectory();
if (isFolder && values.slug !== undefined) {
  console.error('--slug names one work: it cannot be used with a folder of stories.');
  process.exit(2);
}

const contentDir = path.resolve(values.out);
const shown = (dir: string) => path.relative(process.cwd(), dir) || dir;

/** Imports one file; throws ImportError with a one-line reason, writing nothing. */
async function importOne(file: string, slug: string | undefined): Promise<number> {
  const bytes = new Uint8Array(
    await readFile(file).catch(() => {
      throw new ImportError(`Cannot read "${file}": no such file, or it is not readable.`);
    }),
  );
  const started = performance.now();
  const { written, report } = await importStory(bytes, { slug, fileName: path.basename(file) });
  const workDir = path.join(contentDir, written.slug);
  let kept: string[] = [];
  if (existsSync(workDir)) {
    if (!values.force)
      throw new ImportError(
        `${shown(workDir)} already exists: nothing was written. Choose another --slug, or add --force to import it again.`,
      );
    const plan = planReplacement(workDir, written.slug, written.files);
    const nextFiles = new Set(written.files.map((f) => path.relative(written.slug, f.path)));
    const wouldOverwrite = plan.kept.filter((f) => nextFiles.has(f));
    if (plan.edited.length > 0 || wouldOverwrite.length > 0) {
      const lost = [...plan.edited, ...wouldOverwrite].join(', ');
      throw new ImportError(
        `${shown(workDir)}: --force would overwrite ${plan.recorded ? 'files edited since the import' : 'files this command did not write'} (${lost}): nothing was written. Move them away, or choose another --slug.`,
      );
    }
    for (const removed of plan.removed) await rm(path.join(workDir, removed), { force: true });
    kept = plan.kept;
  }
  for (const { path: relative, content } of written.files) {
    const target = path.join(contentDir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  const record = recordOf(file, written.slug, written.files);
  await writeFile(path.join(workDir, recordFile), `${JSON.stringify(record, null, 2)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Imported ${path.basename(file)} into ${shown(workDir)} in ${seconds} s:`);
  for (const { path: relative } of written.files.filter((f) => typeof f.content === 'string'))
    console.log(`  ${relative}`);
  if (kept.length > 0) console.log(`Kept, as they are not the importer's: ${kept.join(', ')}`);
  console.log('\nReport');
  for (const line of report) console.log(`  - ${line}`);
  console.log(
    "\nEvery word of the source is in these files (checked through the site's own pipeline).",
  );
  // The new work, checked as `npm run check` and a build would (the others are not read).
  const problems = await validateContent(contentDir, { works: [written.slug] });
  for (const problem of problems) console.error(formatProblem(problem));
  if (problems.length > 0)
    console.error(
      `\n${problems.length} problem(s) in the imported work (listed above): fix them before building.`,
    );
  return problems.length;
}

try {
  if (!isFolder) {
    if ((await importOne(source, values.slug)) > 0) process.exitCode = 1;
  } else {
    // Each file a work; a file that is not a story is named with its reason and skipped.
    const files = readdirSync(source, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
      .map((entry) => path.join(source, entry.name))
      .sort();
    let imported = 0;
    const skipped: string[] = [];
    for (const file of files) {
      try {
        if ((await importOne(file, undefined)) > 0) process.exitCode = 1;
        imported += 1;
        console.log('');
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        skipped.push(`  ${path.basename(file)}: ${error.message}`);
      }
    }
    console.log(`${imported} of ${files.length} file(s) in ${shown(source)} imported.`);
    if (skipped.length > 0) console.log(`Skipped:\n${skipped.join('\n')}`);
    if (imported === 0) process.exitCode = 1;
  }
} catch (error) {
  if (!(error instanceof ImportError)) throw error;
  console.error(error.message);
  process.exit(1);
}
