import type { List, Paragraph, Root, RootContent, ThematicBreak } from 'mdast';
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

    visit(tree, (node, index, parent) => {
      if (!parent || index === undefined) return undefined;
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
