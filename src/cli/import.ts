// `npm run import -- <file> [--out <content folder>] [--slug <work-slug>] [--force]`: an
// author's existing story (an AO3 or FanFicFare download, HTML or EPUB, or plain text) as a
// work folder of the content format. A thin shell over src/lib/import/.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importStory, ImportError } from '../lib/import/index.ts';
import { formatProblem, validateContent } from '../lib/story/validate/index.ts';

const usage =
  'Usage: npm run import -- <story file> [--out <content folder>] [--slug <work-slug>] [--force]';

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'content' },
      slug: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
const { values, positionals } = parsed;
const [file] = positionals;
if (!file || positionals.length > 1) {
  console.error(usage);
  process.exit(2);
}
if (values.slug !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(values.slug)) {
  console.error(
    `"${values.slug}" is not a URL slug: use lowercase letters, digits and hyphens (e.g. "my-story").`,
  );
  process.exit(2);
}

const contentDir = path.resolve(values.out);
try {
  const bytes = new Uint8Array(
    await readFile(file).catch(() => {
      throw new ImportError(`Cannot read "${file}": no such file, or it is not readable.`);
    }),
  );
  const started = performance.now();
  const { written, report } = await importStory(bytes, { slug: values.slug });
  const workDir = path.join(contentDir, written.slug);
  if (existsSync(workDir)) {
    if (!values.force)
      throw new ImportError(
        `${path.relative(process.cwd(), workDir) || workDir} already exists: nothing was written. Choose another --slug, or add --force to replace it.`,
      );
    await rm(workDir, { recursive: true, force: true });
  }
  for (const { path: relative, content } of written.files) {
    const target = path.join(contentDir, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Imported into ${path.relative(process.cwd(), workDir) || workDir} in ${seconds} s:`);
  for (const { path: relative } of written.files.filter((f) => typeof f.content === 'string'))
    console.log(`  ${relative}`);
  console.log('\nReport');
  for (const line of report) console.log(`  - ${line}`);
  console.log(
    "\nEvery word of the source is in these files (checked through the site's own pipeline).",
  );
  // The new work, checked as `npm run check` and a build would.
  const problems = (await validateContent(contentDir)).filter((p) => p.file.startsWith(workDir));
  for (const problem of problems) console.error(formatProblem(problem));
  if (problems.length > 0) {
    console.error(
      `\n${problems.length} problem(s) in the imported work (listed above): fix them before building.`,
    );
    process.exitCode = 1;
  }
} catch (error) {
  if (!(error instanceof ImportError)) throw error;
  console.error(error.message);
  process.exit(1);
}
