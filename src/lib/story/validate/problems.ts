import path from 'node:path';

/** One author's mistake: where it is, what rule it broke, and how to fix it. */
export interface ContentProblem {
  /** Absolute path of the file (or folder) at fault. */
  file: string;
  /** 1-based line in the file, counting the front matter. */
  line: number;
  column?: number;
  /** `area:rule`, e.g. `frontmatter:invalid` or `flashback:unclosed`. */
  ruleId: string;
  /** What is wrong, then how to fix it. */
  message: string;
}

/** A problem found at `file:line[:column]`. */
export function problem(
  file: string,
  line: number,
  ruleId: string,
  message: string,
  column?: number,
): ContentProblem {
  return column === undefined
    ? { file, line, ruleId, message }
    : { file, line, column, ruleId, message };
}

/** `content/work/01-a.md:12:3  flashback:unclosed  This ":::flashback" is never closed...` */
export function formatProblem(p: ContentProblem, cwd = process.cwd()): string {
  const where = `${path.relative(cwd, p.file) || p.file}:${p.line}${p.column ? `:${p.column}` : ''}`;
  return `${where}  ${p.message}  [${p.ruleId}]`;
}
