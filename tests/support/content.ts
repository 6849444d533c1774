import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A valid work.md, to build broken story folders from. */
export const validWork =
  '---\ntitle: "A Work"\nauthor: "An Author"\nsummary: "What happens."\n---\n';

/** A valid chapter. */
export const validChapter = (title = 'One') => `---\ntitle: "${title}"\n---\n\nSome text.\n`;

/** Writes a story folder from `{ "work/01-a.md": "..." }` into a fresh temp dir; returns its path. */
export function writeContent(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'fiction-content-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
