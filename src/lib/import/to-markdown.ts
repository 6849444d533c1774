import type { Element, Root as HastRoot } from 'hast';
import type { BlockContent, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { decorativeAlt } from '../markup/images.ts';
import { minimalEscapes, tidyDelimiters } from './clean-markdown.ts';
import type { ContainerDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import rehypeRemark, { type Options as RehypeRemarkOptions } from 'rehype-remark';
import { defaultHandlers, type State } from 'hast-util-to-mdast';
import { toString as toHast } from 'hast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkStringify from 'remark-stringify';
import { unified, type Processor } from 'unified';
import { visit } from 'unist-util-visit';
import { gfmFootnoteToMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';

// The writer's half for text: the author's HTML as the content format's Markdown, through
// unified (rehype-remark, then remark-stringify with the site's directives), and the structure
// authors mark by hand made real: scene breaks of every form become one `***`, spacer paragraphs
// go, a flashback marked by a line becomes a `:::flashback` container. Markdown-significant
// prose ("1984." at a line's start, "#", ">", "-", "*") is escaped by the stringifier so it reads
// as typed.

/** What converting one piece of HTML found worth telling the author. */
export interface Converted {
  markdown: string;
  /** One line each: what the site has no markup for, and what was guessed or left alone. */
  notes: string[];
  /**
   * Lines that became structure instead of text: scene-break lines (`oOo`, `~.~`) and flashback
   * markers the site's own labels now say ("Flashback: Summer", "End Flashback"). The fidelity
   * check leaves them out of the source's words, as it leaves the site's labels out of the page's.
   */
  structural: string[];
}

/**
 * Lines authors use for a scene break: `***`, `* * *`, `---`, `~.~`, `oOo`, `xXx`, `-o-`, `~*~`,
 * `-x-`, `⁂`, `§`, `#`, `###`, a lone `.`, a centred dash, or any one symbol repeated.
 */
export function isBreakLine(text: string): boolean {
  const line = text.replace(/[\s\u00a0]+/g, ' ').trim();
  if (line === '') return false;
  if (/^(?:[-*_=~#.•·§⁂—–]\s?)+$/u.test(line) && (line.length >= 3 || /^[.#§⁂—–~*]$/u.test(line)))
    return true;
  if (/^[-~*]?\s?(?:o+O+o+|O+o+O+|x+X+x+|X+x+X+|o|x|~\.~|\.~\.)\s?[-~*]?$/.test(line)) return true;
  return /^(?:~\s?\*\s?~|-\s?[ox]\s?-|~\.~)$/i.test(line);
}

/** A paragraph that holds nothing but spaces (AO3's `<p>&nbsp;</p>`, an empty `<p>`, a `<br>`). */
function isSpacer(node: RootContent): boolean {
  return node.type === 'paragraph' && toString(node).replace(/[\s\u00a0]/g, '') === '';
}

const flashbackOpening =
  /^[\s\W_]*flash[\s-]?back(?![\s\W_]*(?:ends?|over)\b)(?:\s*(?:to|:|-|–|—)\s*|\s+)?(.*?)[\s\W_]*$/iu;
const flashbackClosing =
  /^[\s\W_]*(?:end(?:\s+of)?(?:\s+the)?\s+flash[\s-]?back|flash[\s-]?back\s+(?:ends?|over)|present\s+day|back\s+to\s+the\s+present|return\s+to\s+the\s+present)\b[\s\W_]*$/iu;

/** `when` for a flashback opened by `line` ("Flashback to a few days ago." → "A few days ago"). */
export function flashbackWhen(line: string): string | undefined {
  const match = flashbackOpening.exec(line.trim());
  if (!match) return undefined;
  const when = (match[1] ?? '').trim();
  return when ? when.charAt(0).toUpperCase() + when.slice(1) : '';
}

/** A line that closes a flashback ("End Flashback", "Present day", "Back to the present"). */
export function closesFlashback(line: string): boolean {
  return flashbackClosing.test(line.trim());
}

/** What the site shows no markup for, by HTML tag: kept as plain words, and said so. */
const unmarked: Record<string, string> = {
  u: 'underlined text (<u>)',
  ins: 'inserted text (<ins>)',
  sup: 'superscript (<sup>)',
  sub: 'subscript (<sub>)',
  small: 'small text (<small>)',
  big: 'big text (<big>)',
  center: 'centred text (<center> or align="center")',
  font: 'font changes (<font>)',
  mark: 'highlighted text (<mark>, kept as emphasis)',
  details: 'folded text (<details>)',
  ruby: 'ruby annotations (<ruby>)',
  dl: 'definition lists (<dl>)',
};

/** GitHub's strikethrough, tables and footnotes, the parts of GFM the site reads, for the stringifier. */
function gfmParts(this: Processor) {
  const data = this.data();
  (data.toMarkdownExtensions ??= []).push(
    gfmStrikethroughToMarkdown(),
    gfmTableToMarkdown(),
    gfmFootnoteToMarkdown(),
  );
}

const toMarkdown = unified()
  .use(remarkDirective)
  .use(gfmParts)
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    rule: '*',
    ruleRepetition: 3,
    ruleSpaces: false,
    fences: true,
    listItemIndent: 'one',
  })
  .freeze();

/**
 * Converts the author's HTML to Markdown in the content format. With `structure` (a chapter's
 * body), scene breaks and flashback markers become structure; a summary or notes keep their
 * paragraphs as they are.
 */
export function htmlToMarkdown(
  html: HastRoot,
  options: { structure: boolean; pictures?: boolean },
): Converted {
  const notes: string[] = [];
  const structural: string[] = [];
  const seen = new Map<string, number>();
  const images: string[] = [];
  visit(html, 'element', (element: Element) => {
    const centred =
      element.tagName === 'center' ||
      String(element.properties['align'] ?? '').toLowerCase() === 'center';
    const kind = centred
      ? 'center'
      : element.properties['dataFootnoteCall'] !== undefined
        ? 'footnote'
        : element.tagName;
    if (unmarked[kind]) seen.set(kind, (seen.get(kind) ?? 0) + 1);
    if (element.tagName === 'img' && !(options.pictures && isImported(element))) {
      images.push(
        `${String(element.properties['src'] ?? '?')}${element.properties['alt'] ? ` ("${String(element.properties['alt'])}")` : ''}`,
      );
    }
  });
  for (const [kind, count] of seen)
    notes.push(`${count} × ${unmarked[kind]}: the site has no markup for it; its words are kept.`);
  for (const image of images)
    notes.push(
      `A picture was left out: ${image}. Save it into the work's folder and add it where it stood: ![what it shows](images/name.jpg).`,
    );

  const tree = unified()
    .use(rehypeRemark, {
      handlers: {
        // A picture the file carried (now in the work's images/) stays where it stood; one from
        // elsewhere is reported above: the site loads nothing from other sites.
        img: (_state: State, node: Element) => {
          if (!options.pictures || !isImported(node)) return undefined;
          const alt = String(node.properties['alt'] ?? '').trim();
          if (!alt)
            notes.push(
              `The picture ${String(node.properties['src'])} has no alt text: it was marked decorative ("![(decorative)](…)"). If it shows something, describe it between the brackets.`,
            );
          return {
            type: 'image',
            url: String(node.properties['src']),
            alt: alt || decorativeAlt,
            title: typeof node.properties['title'] === 'string' ? node.properties['title'] : null,
          };
        },
        // A table's caption is the site's `:::table[caption]` (hast-util-to-mdast drops it).
        table: (state: State, node: Element) => {
          const table = defaultHandlers.table(state, node);
          const caption = node.children.find(
            (child): child is Element => child.type === 'element' && child.tagName === 'caption',
          );
          const text = caption ? toHast(caption) : '';
          if (!text) return table;
          return {
            type: 'containerDirective',
            name: 'table',
            attributes: {},
            children: [
              {
                type: 'paragraph',
                data: { directiveLabel: true },
                children: [{ type: 'text', value: text }],
              },
              table,
            ],
          } as ContainerDirective;
        },
        // No underline in the site's markup (emphasis would change what the author marked):
        // the words alone, reported above.
        u: (state: State, node: Element) => state.all(node) as PhrasingContent[],
        // A reader's footnotes, marked as `<sup data-footnote-call="1">` and `<aside
        // data-footnote="1">` (the Word reader's), are the site's Markdown footnotes.
        sup: (state: State, node: Element) => {
          const call = node.properties['dataFootnoteCall'];
          if (call === undefined) return state.all(node) as PhrasingContent[];
          return { type: 'footnoteReference', identifier: String(call), label: String(call) };
        },
        aside: (state: State, node: Element) => {
          const note = node.properties['dataFootnote'];
          if (note === undefined) return state.toFlow(state.all(node));
          return {
            type: 'footnoteDefinition',
            identifier: String(note),
            label: String(note),
            children: state.toFlow(state.all(node)),
          };
        },
        ins: (state: State, node: Element) => state.all(node) as PhrasingContent[],
        // Headings inside a chapter sit below its title: `#` is the chapter's own.
        h1: (state: State, node: Element) => ({
          type: 'heading',
          depth: 2,
          children: state.all(node) as PhrasingContent[],
        }),
      },
    } as RehypeRemarkOptions)
    .runSync(html) as Root;
  // Links the site would not follow (in-page anchors of the source, odd schemes) keep their words.
  visit(tree, 'link', (link, index, parent) => {
    if (/^(https?:|mailto:)/i.test(link.url) || !parent || index === undefined) return;
    parent.children.splice(index, 1, ...link.children);
  });
  standAlone(tree);
  if (options.structure) tree.children = structure(tree.children, notes, structural);
  else tree.children = tree.children.filter((node) => !isSpacer(node));
  tidyDelimiters(tree);
  const markdown = minimalEscapes(String(toMarkdown.stringify(tree)).trim());
  return { markdown, notes, structural };
}

/** True for an `<img>` whose file came inside the source, now in the work's `images/`. */
function isImported(element: Element): boolean {
  return String(element.properties['src'] ?? '').startsWith('images/');
}

/** Each picture on a paragraph of its own, as the site wants it; the words around it kept. */
function standAlone(tree: Root): void {
  visit(tree, 'paragraph', (paragraph, index, parent) => {
    if (!parent || index === undefined) return;
    if (
      !paragraph.children.some((child) => child.type === 'image') ||
      paragraph.children.length === 1
    )
      return;
    const split: Paragraph[] = [];
    let run: PhrasingContent[] = [];
    const flush = () => {
      // The space that stood beside the picture is no longer between words.
      const first = run[0];
      const last = run.at(-1);
      if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
      if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
      if (run.some((child) => child.type !== 'text' || child.value.trim() !== ''))
        split.push({ type: 'paragraph', children: run });
      run = [];
    };
    for (const child of paragraph.children) {
      if (child.type === 'image') {
        flush();
        split.push({ type: 'paragraph', children: [child] });
      } else run.push(child);
    }
    flush();
    parent.children.splice(index, 1, ...split);
    return index + split.length;
  });
}

/** Breaks, spacers and flashbacks of a chapter's top level. */
function structure(nodes: RootContent[], notes: string[], structural: string[]): RootContent[] {
  // 1. Break lines become breaks; spacers go, a lone one between paragraphs reported.
  const blocks: RootContent[] = [];
  nodes.forEach((node, index) => {
    if (node.type === 'paragraph' && isBreakLine(toString(node))) {
      structural.push(toString(node));
      blocks.push({ type: 'thematicBreak' });
      return;
    }
    if (isSpacer(node)) {
      const before = nodes[index - 1];
      const after = nodes[index + 1];
      const lone =
        before?.type === 'paragraph' &&
        after?.type === 'paragraph' &&
        !isSpacer(before) &&
        !isSpacer(after) &&
        !isBreakLine(toString(before)) &&
        !isBreakLine(toString(after));
      if (lone)
        notes.push(
          `A blank paragraph before "${opening(after)}" may be a scene break: it was left out. If it is one, put a line "***" there.`,
        );
      return;
    }
    blocks.push(node);
  });
  // 2. One break between scenes, none at the start or end.
  const collapsed = blocks.filter(
    (node, index) => node.type !== 'thematicBreak' || blocks[index - 1]?.type !== 'thematicBreak',
  );
  while (collapsed[0]?.type === 'thematicBreak') collapsed.shift();
  while (collapsed.at(-1)?.type === 'thematicBreak') collapsed.pop();
  // 3. A marked flashback: what follows its opening line, up to its closing line, a scene
  // break or the chapter's end, is the flashback. A marker the site's label says as well
  // ("Flashback", "Flashback: Summer", "End of flashback", "End Flashback") becomes that label;
  // any other ("Flashback to a few days ago.", "Present day") stays as the author wrote it.
  const result: RootContent[] = [];
  for (let index = 0; index < collapsed.length; index++) {
    const node = collapsed[index]!;
    const line = node.type === 'paragraph' ? toString(node) : '';
    const when = line ? flashbackWhen(line) : undefined;
    if (when === undefined) {
      result.push(node);
      continue;
    }
    const inside: BlockContent[] = [];
    let next = index + 1;
    for (; next < collapsed.length; next++) {
      const candidate = collapsed[next]!;
      if (candidate.type === 'thematicBreak') break;
      if (candidate.type === 'paragraph' && closesFlashback(toString(candidate))) break;
      if (candidate.type === 'paragraph' && flashbackWhen(toString(candidate)) !== undefined) break;
      inside.push(candidate as BlockContent);
    }
    if (inside.length === 0) {
      result.push(node);
      continue;
    }
    const asLabel = labelForm(line);
    if (asLabel === undefined) result.push(node);
    else structural.push(line);
    const closing = collapsed[next];
    const closed = closing?.type === 'paragraph' && closesFlashback(toString(closing));
    if (!closed && !closing) {
      // Nothing says where it ends: no guess that would take the rest of the chapter.
      notes.push(
        `The flashback marked "${opening(node)}" has no closing line, so it was not made a flashback. Put a line "End of flashback" where it ends and import again, or wrap it in ":::flashback" yourself.`,
      );
      if (asLabel !== undefined) {
        result.push(node);
        structural.pop();
      }
      continue;
    }
    if (!closed)
      notes.push(
        `The flashback that starts "${opening(node)}" has no closing line ("End of flashback"): it was ended at the next scene break. Check where it ends.`,
      );
    result.push({
      type: 'containerDirective',
      name: 'flashback',
      attributes: (asLabel ?? when) ? { when: asLabel ?? when } : {},
      children: inside,
    } satisfies ContainerDirective);
    if (closed) {
      const closingLine = toString(closing);
      if (endLabelForm(closingLine)) structural.push(closingLine);
      else result.push(closing);
      next += 1;
    }
    index = next - 1;
  }
  return result;
}

/**
 * The `when` of an opening line the site's label says word for word ("Flashback", "~Flashback~",
 * "Flashback: Summer 2003"): `''` for none, undefined when the line says more ("Flashback to…").
 */
function labelForm(line: string): string | undefined {
  const match = /^[\s\W_]*flash[\s-]?back[\s\W_]*(?::\s*(.*?))?[\s.!_~*=-]*$/iu.exec(line.trim());
  if (!match) return undefined;
  const rest = line.trim().replace(/^[\s\W_]*flash[\s-]?back/iu, '');
  if (match[1] === undefined && /\p{L}/u.test(rest)) return undefined;
  return (match[1] ?? '').trim();
}

/** A closing line the site's "End of flashback" says ("End Flashback", "*End of flashback*"). */
function endLabelForm(line: string): boolean {
  return /^[\s\W_]*end\s+(of\s+)?(the\s+)?flash[\s-]?back[\s\W_]*$/iu.test(line.trim());
}

function opening(node: RootContent | undefined): string {
  const text = node ? toString(node).replace(/\s+/g, ' ').trim() : '';
  return text.length > 50 ? `${text.slice(0, 50)}…` : text;
}
