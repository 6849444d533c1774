import type { List, Paragraph, PhrasingContent, Root, RootContent, ThematicBreak } from 'mdast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';

/** Identifies this plugin's messages. */
export const proseSource = 'fiction-reader:prose';

/**
 * The lines fan fiction uses for a scene break, alone on their line: `*~*~*` (any length),
 * `~*~`, `oOo`, `OoO`, `xXx`, `XxX`, `-o-`, `-x-`, `###` (or more), `+++` (or more), and
 * CommonMark's own `***`, `* * *`, `---`, `___`. Each becomes the site's scene break.
 */
export const breakLinePattern =
  /^(?:\*(?:~\*){1,}|~(?:\*~)+|oOo|OoO|xXx|XxX|-o-|-x-|#{3,}|\+{3,})$/;

/**
 * Prose as authors type it (with the parser settings of `remarkFictionSyntax`):
 *
 * - a fan-fiction break line alone in its paragraph ({@link breakLinePattern}) is a scene break:
 *
 *   ```markdown
 *   She left.
 *
 *   oOo
 *
 *   He stayed.
 *   ```
 *
 *   ```html
 *   <section data-scene="1" id="scene-1"><p>She left.</p></section>
 *   <hr data-scene-break aria-label="Scene break">
 *   <section data-scene="2" id="scene-2"><p>He stayed.</p></section>
 *   ```
 *
 * - a line that begins with a tab or with two or more spaces, right after a line of prose,
 *   starts a new paragraph (how word processors paste prose: one paragraph a line, each indented,
 *   no blank line between), at the top level and in flashbacks and letters (verse keeps its
 *   indents, and lists, quotations and footnotes indent their own lines):
 *
 *   ```markdown
 *   →She left.
 *   →He stayed.
 *   ```
 *
 *   ```html
 *   <p>She left.</p>
 *   <p>He stayed.</p>
 *   ```
 *
 * - a paragraph that starts with a number and a period (`1984. It was…`) stays a paragraph: an
 *   ordered list that does not start at 1 is given back as the paragraphs it was typed as;
 * - `#` is the chapter's own title: a heading inside a chapter is `##` or deeper, and a `#`
 *   heading is an error (`heading:top-level`) with the fix;
 * - a code fence (` ``` ` or `~~~`) never closed would swallow the rest of the chapter into
 *   monospace: an error (`code:unclosed`) with the fix.
 */
export function remarkProseAsTyped() {
  return function transformer(tree: Root, file: VFile) {
    const source = String(file.value).replace(/^\uFEFF/, '');
    const sourceOf = (node: RootContent) =>
      source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0).trim();

    const lines = source.split(/\r?\n/);
    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
      if (node.type === 'paragraph' && holdsProse(parent)) {
        const split = splitAtIndentedLines(node, lines);
        if (split.length > 1) {
          parent.children.splice(index, 1, ...(split as never[]));
          return [SKIP, index + split.length];
        }
      }
      if (
        (node.type === 'paragraph' || node.type === 'heading') &&
        breakLinePattern.test(sourceOf(node))
      ) {
        const rule: ThematicBreak = { type: 'thematicBreak', position: node.position! };
        parent.children.splice(index, 1, rule as never);
        return SKIP;
      }
      if (node.type === 'heading' && node.depth === 1) {
        file.fail(
          'A "#" heading inside a chapter would be a second title: the chapter\'s title (its front matter "title") is its only top heading. Write "## " for a heading inside the chapter, or escape the "#" ("\\#") if it is prose.',
          { place: node.position, ruleId: 'heading:top-level', source: proseSource },
        );
      }
      if (node.type === 'code' && !isClosedFence(sourceOf(node))) {
        file.fail(
          'This code fence ("```" or "~~~") is never closed: everything after it would show as code. Add the same fence on a line of its own where the code ends, or escape it ("\\~~~") if it is prose.',
          { place: node.position, ruleId: 'code:unclosed', source: proseSource },
        );
      }
      if (node.type === 'list' && node.ordered && (node.start ?? 1) !== 1) {
        parent.children.splice(index, 1, ...(asTypedParagraphs(node, source) as never[]));
        return [SKIP, index];
      }
      return undefined;
    });
  };
}

/** Where an indented line starts a paragraph: the top level, flashbacks and letters. */
function holdsProse(parent: { type: string; name?: string }): boolean {
  return (
    parent.type === 'root' ||
    (parent.type === 'containerDirective' && ['flashback', 'letter'].includes(parent.name ?? ''))
  );
}

/** A line typed as a paragraph's first line: indented by a tab or two spaces or more. */
export const indentedLine = /^(?:\t| {2,})\S/;

/**
 * `paragraph` cut before each of its lines (after the first) that begins indented. Only line
 * endings in its own text (or hard breaks) are cut: emphasis or a link running over one keeps
 * the paragraph whole there, as it was typed.
 */
function splitAtIndentedLines(paragraph: Paragraph, lines: readonly string[]): Paragraph[] {
  const first = paragraph.position?.start.line;
  const last = paragraph.position?.end.line;
  if (first === undefined || last === undefined || first === last) return [paragraph];
  const starts = (line: number) => line > first && indentedLine.test(lines[line - 1] ?? '');
  let hasStart = false;
  for (let line = first + 1; line <= last && !hasStart; line += 1) hasStart = starts(line);
  if (!hasStart) return [paragraph];

  const paragraphs: Paragraph[] = [];
  let current: PhrasingContent[] = [];
  let currentLine = first;
  const cut = (nextLine: number) => {
    if (current.length > 0)
      paragraphs.push(paragraphOf(current, paragraph, currentLine, nextLine - 1));
    current = [];
    currentLine = nextLine;
  };
  for (const child of paragraph.children) {
    const line = child.position?.start.line;
    if (child.type === 'break' && line !== undefined && starts(line + 1)) {
      cut(line + 1);
      continue;
    }
    if (child.type !== 'text' || line === undefined) {
      current.push(child);
      continue;
    }
    const pieces = child.value.split('\n');
    pieces.forEach((piece, i) => {
      if (i > 0 && starts(line + i)) cut(line + i);
      else if (i > 0) current.push({ type: 'text', value: '\n' });
      if (piece !== '') current.push({ type: 'text', value: piece });
    });
  }
  cut(last + 1);
  return paragraphs;
}

/** A paragraph of `children` from lines `start` to `end` of `original`, text nodes joined. */
function paragraphOf(
  children: PhrasingContent[],
  original: Paragraph,
  start: number,
  end: number,
): Paragraph {
  const joined: PhrasingContent[] = [];
  for (const child of children) {
    const previous = joined.at(-1);
    if (child.type === 'text' && previous?.type === 'text') previous.value += child.value;
    else joined.push(child.type === 'text' ? { ...child } : child);
  }
  // A piece ends where the next line starts: trailing spaces of the typed line are not text.
  const tail = joined.at(-1);
  if (tail?.type === 'text') tail.value = tail.value.replace(/[ \t]+$/, '');
  const head = joined[0];
  if (head?.type === 'text') head.value = head.value.replace(/^[ \t]+/, '');
  return {
    ...original,
    children: joined,
    position: {
      start: { line: start, column: 1 },
      end: end === original.position?.end.line ? original.position.end : { line: end, column: 1 },
    },
  };
}

/** An ordered list starting at N, as the paragraphs it was typed as: `1984. It was…`. */
function asTypedParagraphs(list: List, source: string): RootContent[] {
  const blocks: RootContent[] = [];
  list.children.forEach((item, i) => {
    const start = item.position?.start.offset ?? 0;
    // The marker as typed: digits and its delimiter ("1984." or "3)").
    const marker = /^\d+[.)]/.exec(source.slice(start))?.[0] ?? `${(list.start ?? 1) + i}.`;
    const [first, ...rest] = item.children;
    if (first?.type === 'paragraph') {
      const paragraph: Paragraph = {
        ...first,
        children: [{ type: 'text', value: `${marker} ` }, ...first.children],
      };
      blocks.push(paragraph, ...(rest as RootContent[]));
    } else {
      blocks.push(
        { type: 'paragraph', children: [{ type: 'text', value: marker }] },
        ...(item.children as RootContent[]),
      );
    }
  });
  return blocks;
}

/** A fenced code block's source ends with a fence like the one it opened with. */
function isClosedFence(code: string): boolean {
  const lines = code.split(/\r?\n/);
  const open = /^\s*(`{3,}|~{3,})/.exec(lines[0] ?? '');
  if (!open) return true; // not fenced
  const fence = open[1]!;
  const last = lines.length > 1 ? (lines.at(-1) ?? '').trim() : '';
  return last.startsWith(fence[0]!.repeat(fence.length)) && /^(`+|~+)$/.test(last);
}
