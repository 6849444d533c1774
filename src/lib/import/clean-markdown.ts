import type { Nodes, Parent, PhrasingContent, Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { remarkRestoreUnownedDirectives } from '../markup/restore-unowned-directives.ts';
import { remarkFictionSyntax } from '../markup/syntax.ts';

// The Markdown the author will edit for years, made as plain as the site's parser allows. The
// stringifier escapes by rule of thumb (`5\:1`, `\[redacted]`) and writes a character reference
// where emphasis cannot open or close (`*nothing&#x20;*&#x68;ad`). Here:
//
// 1. before stringifying, spaces at the edge of emphasis, strong or struck text move outside it,
//    and punctuation at its edge moves outside where a letter stands beyond it (`**Name：**text`
//    cannot close in Markdown): the words stay, the emphasis covers the same words;
// 2. after, each escape and character reference is dropped where the site's own parser reads
//    the paragraph the same without it; the whole text is then parsed again and compared, and
//    the stringifier's output kept if anything differs.

/** Step 1, on the tree about to be stringified. */
export function tidyDelimiters(tree: Root): void {
  visit(tree, (node, index, parent) => {
    if (!parent || index === undefined || !isDelimited(node)) return;
    const before: PhrasingContent[] = [];
    const after: PhrasingContent[] = [];
    const first = node.children[0];
    if (first?.type === 'text') {
      const edge = /^\s+/.exec(first.value)?.[0] ?? leading(first.value, charBefore(parent, index));
      if (edge && edge.length < first.value.length) {
        first.value = first.value.slice(edge.length);
        before.push({ type: 'text', value: edge });
      }
    }
    const last = node.children.at(-1);
    if (last?.type === 'text') {
      const edge = /\s+$/.exec(last.value)?.[0] ?? trailing(last.value, charAfter(parent, index));
      if (edge && edge.length < last.value.length) {
        last.value = last.value.slice(0, -edge.length);
        after.push({ type: 'text', value: edge });
      }
    }
    if (before.length === 0 && after.length === 0) return;
    (parent.children as PhrasingContent[]).splice(index, 1, ...before, node, ...after);
    return index + before.length + 1 + after.length;
  });
}

type Delimited = Extract<Nodes, { type: 'emphasis' | 'strong' | 'delete' }>;
function isDelimited(node: Nodes): node is Delimited {
  return node.type === 'emphasis' || node.type === 'strong' || node.type === 'delete';
}

const punctuation = /[\p{P}\p{S}]+$/u;
const wordChar = /[\p{L}\p{N}]/u;

/** Punctuation ending the span that keeps it from closing: a letter or digit follows. */
function trailing(text: string, next: string): string | undefined {
  if (!wordChar.test(next)) return undefined;
  return punctuation.exec(text)?.[0];
}

/** Punctuation opening the span that keeps it from opening: a letter or digit precedes. */
function leading(text: string, previous: string): string | undefined {
  if (!wordChar.test(previous)) return undefined;
  return /^[\p{P}\p{S}]+/u.exec(text)?.[0];
}

function charBefore(parent: Parent, index: number): string {
  const node = parent.children[index - 1];
  return node?.type === 'text' ? (node.value.at(-1) ?? '') : '';
}

function charAfter(parent: Parent, index: number): string {
  const node = parent.children[index + 1];
  return node?.type === 'text' ? (node.value[0] ?? '') : '';
}

// The site's syntax, and its reading of `:name` in prose as the text it is (5:1, :p).
const parser = unified()
  .use(remarkParse)
  .use(remarkDirective)
  .use(remarkFictionSyntax)
  .use(remarkRestoreUnownedDirectives, { owned: [] })
  .freeze();

/** A parse tree as a string, without positions: two texts the site reads alike give the same. */
function shape(markdown: string): string {
  const tree = parser.runSync(parser.parse(markdown), markdown) as Root;
  // Text given back by a plugin stands in pieces: "5", ":1", " at" is "5:1 at".
  visit(tree, (node) => {
    if (!('children' in node)) return;
    const merged: Nodes[] = [];
    for (const child of node.children as Nodes[]) {
      const last = merged.at(-1);
      if (child.type === 'text' && last?.type === 'text') last.value += child.value;
      else merged.push(child.type === 'text' ? { type: 'text', value: child.value } : child);
    }
    (node as Parent).children = merged as Parent['children'];
  });
  return JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value));
}

// A backslash before ASCII punctuation, or a numeric character reference.
const escapes = /\\[!-/:-@[-`{-~]|&#x[0-9a-f]+;|&#\d+;/gi;

function literal(escape: string): string {
  if (escape.startsWith('\\')) return escape.slice(1);
  const code = escape.startsWith('&#x')
    ? Number.parseInt(escape.slice(3, -1), 16)
    : Number.parseInt(escape.slice(2, -1), 10);
  return String.fromCodePoint(code);
}

/** Step 2: drops every escape the site's parser does not need. */
export function minimalEscapes(markdown: string): string {
  if (!/\\|&#/.test(markdown)) return markdown;
  const blocks = markdown.split(/(\n{2,})/);
  const cleaned = blocks.map((block) => {
    if (block.startsWith('\n') || !block.match(escapes)) return block;
    const target = shape(block);
    // All at once first (the common case: none is needed), then one by one.
    const all = block.replace(escapes, literal);
    if (shape(all) === target) return all;
    let current = block;
    let at = 0;
    for (;;) {
      escapes.lastIndex = at;
      const match = escapes.exec(current);
      if (!match) break;
      const tried =
        current.slice(0, match.index) +
        literal(match[0]) +
        current.slice(match.index + match[0].length);
      if (shape(tried) === target) {
        current = tried;
        at = match.index + literal(match[0]).length;
      } else at = match.index + match[0].length;
    }
    return current;
  });
  const result = cleaned.join('');
  // A paragraph read alone may parse unlike the same paragraph in its place (inside a list or
  // a container): the whole text must read as the stringifier's did, or that is kept.
  return shape(result) === shape(markdown) ? result : markdown;
}
