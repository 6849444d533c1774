// `npm run import -- --force` on a work folder that exists: what the importer may replace. It
// records the files it wrote (`.import.json` in the work folder, with each one's digest), so that
// a new import replaces those and nothing else: a chapter or a picture the author added after
// the first import is kept, and a file the importer wrote that the author has since edited makes
// it refuse, naming the file. Build-time only (Node).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { WrittenFile } from './write.ts';

/** The record's file name, in the work folder (the content checks read only `.md` files). */
export const recordFile = '.import.json';

/** What `.import.json` holds. */
export interface ImportRecord {
  /** The file the work was imported from (its name only). */
  source: string;
  /** Each file the importer wrote, relative to the work folder → its SHA-256 digest. */
  files: Record<string, string>;
}

const digest = (content: string | Uint8Array) => createHash('sha256').update(content).digest('hex');

/** The record of files written into `slug`'s folder (paths relative to the content folder). */
export function recordOf(source: string, slug: string, files: WrittenFile[]): ImportRecord {
  return {
    source: path.basename(source),
    files: Object.fromEntries(
      files.map((file) => [path.relative(slug, file.path), digest(file.content)]),
    ),
  };
}

/** What replacing an existing work folder would do. */
export interface Replacement {
  /** The importer's files the author has edited since: replacing would lose their edits. */
  edited: string[];
  /** Files the importer did not write (the author's own, or a folder never imported): kept. */
  kept: string[];
  /** The importer's unedited files the new import does not write again: removed. */
  removed: string[];
  /** Whether the folder has a record at all (without one, every file is the author's). */
  recorded: boolean;
}

/** Compares an existing work folder with its record and the files a new import writes. */
export function planReplacement(workDir: string, slug: string, next: WrittenFile[]): Replacement {
  const record = readRecord(workDir);
  const nextFiles = new Set(next.map((file) => path.relative(slug, file.path)));
  const plan: Replacement = { edited: [], kept: [], removed: [], recorded: record !== undefined };
  for (const file of filesIn(workDir)) {
    if (file === recordFile) continue;
    const written = record?.files[file];
    if (written === undefined) plan.kept.push(file);
    else if (digest(readFileSync(path.join(workDir, file))) !== written) plan.edited.push(file);
    else if (!nextFiles.has(file)) plan.removed.push(file);
  }
  return plan;
}

function readRecord(workDir: string): ImportRecord | undefined {
  const file = path.join(workDir, recordFile);
  if (!existsSync(file)) return undefined;
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as ImportRecord;
    return typeof record.files === 'object' && record.files !== null ? record : undefined;
  } catch {
    return undefined; // a record the author broke records nothing: every file is kept
  }
}

/** Every file under a folder, relative to it, with `/` between folders. */
function filesIn(dir: string, under = ''): string[] {
  return readdirSync(path.join(dir, under), { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const relative = under ? `${under}/${entry.name}` : entry.name;
      return entry.isDirectory() ? filesIn(dir, relative) : [relative];
    });
}
