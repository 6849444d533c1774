// One file's front matter: read and checked line by line (../front-matter.ts), its cover
// (cover.ts) and its Markdown fields (markdown-fields.ts); its body joins the bodies to render.
import { readFile } from 'node:fs/promises';
import { readFrontMatter, type Kind } from '../front-matter.ts';
import type { Overrides } from '../../i18n/overrides.ts';
import type { MarkupLabels } from '../../markup/labels.ts';
import { markdownFields } from '../schema.ts';
import { coverProblems } from './cover.ts';
import { checkMarkdown } from './markdown-fields.ts';
import { problem, type ContentProblem } from './problems.ts';

/** What the walk over the folder gathers: problems so far, and bodies to render. */
export interface Walk {
  problems: ContentProblem[];
  /** The author's interface strings: their markup words go into the chapters. */
  overrides: Overrides;
  /** The words the markup adds, in the language of the work being walked. */
  labels: MarkupLabels;
  /** The language of the work being walked. */
  language: string;
  bodies: {
    kind: Kind;
    id: string;
    file: string;
    body: string;
    labels: MarkupLabels;
    language: string;
    frontmatter: Record<string, unknown>;
    /** How many problems were listed before this body would have been checked. */
    problemsBefore: number;
  }[];
}

/**
 * Checks one file's front matter; its body joins the walk's bodies to render. Returns the parsed
 * data when the front matter is valid.
 */
export async function validateFile(file: string, kind: Kind, walk: Walk, id: string) {
  const { problems } = walk;
  const source = await readFile(file, 'utf8');
  const read = readFrontMatter(source, kind);
  if (!read.ok) {
    for (const p of read.problems)
      problems.push(problem(file, p.line, p.ruleId, p.message, p.column));
    return undefined;
  }
  const { data, lineOf } = read;
  const checked = { data, lineOf };
  if (kind === 'work') problems.push(...(await coverProblems(data, file, lineOf)));
  for (const field of markdownFields[kind]) {
    const value = data[field];
    if (typeof value !== 'string') continue;
    const message = await checkMarkdown(value, file);
    if (message)
      problems.push(
        problem(
          file,
          lineOf(field),
          message.ruleId ?? 'markup',
          `In "${field}": ${message.reason}`,
        ),
      );
  }
  // A draft may be empty: `npm run new-chapter` starts one so. Anything published may not.
  if (kind === 'chapter' && read.body.trim() === '' && !data['draft']) {
    problems.push(
      problem(
        file,
        read.bodyLine,
        'chapter:empty',
        'The chapter has no text after its front matter. Write the chapter below the closing "---", or mark it "draft: true" until it is ready.',
      ),
    );
    return checked;
  }
  walk.bodies.push({
    kind,
    id,
    file,
    body: read.body,
    labels: walk.labels,
    language: walk.language,
    frontmatter: read.written,
    problemsBefore: problems.length,
  });
  return checked;
}
