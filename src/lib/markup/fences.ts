import type { Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/** Identifies this plugin's messages. */
export const fencesSource = 'fiction-reader:fences';

/** A closing fence alone on its line (maybe inside a quotation): `:::`, `::::`… */
const fenceLine = /^[\s>]*(:{3,})\s*$/;

/**
 * Pairs every `:::` fence with the container the author meant it to close, and refuses the
 * fences that pair with the wrong one or with none.
 *
 * remark-directive closes a container at the first fence with at least as many colons as its
 * opening, checking the outermost open container first. So in
 *
 * ```markdown
 * :::letter            ← line 1, never closed
 * Dear Buffy,
 *
 * :::verse             ← line 4
 * Into the night
 * :::                  ← line 6, meant for the verse
 *
 * The prose goes on.
 * ```
 *
 * the fence on line 6 closes the *letter* (the verse ends with it, unclosed), and "The prose goes
 * on." is outside both: nothing looks unclosed, yet the letter lost its ending and the author's
 * later fence shows as ":::" on the page. Authors pair fences inside out, so this is an error at
 * the letter's opening line, naming both (`letter:unclosed`):
 *
 * > ":::letter" opened at line 1 is never closed: the ":::" at line 6 closes the ":::verse"
 * > opened at line 4. …
 *
 * A fence shared by several containers belongs to the innermost one opened with exactly its
 * number of colons (else the innermost): `::::letter` … `:::verse` … `::::` leaves the verse
 * unclosed. A fence line that closes nothing (`container:stray-fence`) would be printed as
 * ":::"; it is an error too, and so is a container never closed at all, which would run to the
 * chapter's end (over its footnote notes and all). Runs before the plugins of each kind, which
 * check the rest.
 */
export function remarkContainerFences() {
  return function transformer(tree: Root, file: VFile) {
    const lines = String(file.value).split(/\r?\n/);
    const colonsAt = (line: number) => fenceLine.exec(lines[line - 1] ?? '')?.[1]?.length;
    const openingColons = (node: ContainerDirective) =>
      /^[\s>]*(:{3,})/.exec(lines[(node.position?.start.line ?? 1) - 1] ?? '')?.[1]?.length ?? 3;

    visit(tree, 'containerDirective', (node) => {
      const end = node.position?.end.line;
      const fence = end === undefined ? undefined : colonsAt(end);
      if (end === undefined) return;
      if (fence === undefined) {
        // Never closed, so it runs to the chapter's end, over footnote notes and all: said first,
        // before any plugin finds the damage it does.
        const where =
          node.name === 'flashback'
            ? 'where the flashback ends and the narrative returns to the present'
            : `where the ${node.name} ends`;
        file.fail(
          `This ":::${node.name}" is never closed: it would run to the end of the chapter. Add a line holding only ":::" ${where}.`,
          { place: node.position?.start, ruleId: `${node.name}:unclosed`, source: fencesSource },
        );
      }
      // The containers this fence ended at once: this one and those opened inside it.
      const chain = [node, ...containersEndingAt(node, end)];
      if (chain.length === 1) return;
      const exact = chain.filter((c) => openingColons(c) === fence);
      const owner = (exact.length > 0 ? exact : chain).at(-1)!;
      const unclosed = chain.find((c) => c !== owner)!;
      const opened = (c: ContainerDirective) =>
        `":::${c.name}" opened at line ${c.position!.start.line}`;
      const kind = unclosed.name;
      // An outer container needs more colons than any it holds.
      const more = ':'.repeat(Math.max(...chain.slice(1).map(openingColons)) + 1);
      const nestHint =
        owner !== node
          ? ` To keep the ${owner.name} inside the ${kind}, open and close the ${kind} with more colons ("${more}${kind}" … "${more}").`
          : '';
      file.fail(
        `${opened(unclosed)} is never closed: the "${':'.repeat(fence)}" at line ${end} closes the ${opened(owner)}. Add a line holding only ":::" where the ${kind} ends.${nestHint}`,
        { place: unclosed.position?.start, ruleId: `${kind}:unclosed`, source: fencesSource },
      );
    });

    visit(tree, 'paragraph', (node) => {
      const start = node.position?.start.line;
      const stop = node.position?.end.line;
      if (start === undefined || stop === undefined) return;
      for (let line = start; line <= stop; line += 1) {
        if (colonsAt(line) === undefined) continue;
        file.fail(
          `The line "${lines[line - 1]!.trim()}" at line ${line} closes no container: nothing is open here, so it would show as colons on the page. Remove it, or add the opening line it belongs to (":::flashback", ":::letter"…) above; if it is prose, escape it ("\\:::").`,
          {
            place: { line, column: 1 },
            ruleId: 'container:stray-fence',
            source: fencesSource,
          },
        );
      }
    });
  };
}

/** The containers inside `node`, at any depth, whose last line is `line`. */
function containersEndingAt(node: ContainerDirective, line: number): ContainerDirective[] {
  const found: ContainerDirective[] = [];
  const walk = (children: readonly RootContent[]) => {
    for (const child of children) {
      if (child.type !== 'containerDirective' || child.position?.end.line !== line) continue;
      found.push(child);
      walk(child.children as RootContent[]);
    }
  };
  walk(node.children as RootContent[]);
  return found;
}
