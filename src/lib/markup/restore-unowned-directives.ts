import type { PhrasingContent, Root } from 'mdast';
import type { LeafDirective, TextDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';

/** Options of {@link remarkRestoreUnownedDirectives}. */
export interface RestoreUnownedDirectivesOptions {
  /** Text and leaf directive names another plugin handles; they are left alone. */
  owned?: readonly string[];
}

/**
 * Gives back, as the exact source text, every text (`:name`) and leaf (`::name`) directive
 * the site does not own. Prose is full of colons that remark-directive reads as directives.
 *
 * ```markdown
 * We met at 8:35 and he said:hello.
 * ```
 *
 * ```html
 * <p>We met at 8:35 and he said:hello.</p>
 * ```
 *
 * Container directives (`:::name`) are not touched: those are the flashback plugin's to
 * accept or refuse, because an unknown container is an author's mistake, not prose.
 */
export function remarkRestoreUnownedDirectives(options: RestoreUnownedDirectivesOptions = {}) {
  const owned = new Set(options.owned ?? []);

  return function transformer(tree: Root, file: VFile) {
    // The parser drops a leading byte-order mark; offsets count from after it.
    const source = String(file.value).replace(/^\uFEFF/, '');
    const footnotes = new Set<string>();
    visit(tree, 'footnoteDefinition', (node) => {
      footnotes.add(node.identifier);
    });
    visit(tree, (node, index, parent) => {
      if (node.type !== 'textDirective' && node.type !== 'leafDirective') return;
      if (owned.has(node.name) || parent === undefined || index === undefined) return;
      const literal = sourceOf(node, source);
      // A leaf directive stands alone on its line, so it becomes a paragraph of its own.
      const replacement =
        node.type === 'leafDirective'
          ? [{ type: 'paragraph' as const, children: withFootnoteCalls(literal, footnotes) }]
          : withFootnoteCalls(literal, footnotes);
      parent.children.splice(index, 1, ...(replacement as never[]));
      return [SKIP, index + replacement.length];
    });
  };
}

function sourceOf(node: TextDirective | LeafDirective, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) {
    throw new Error(
      `directive :${node.name} has no source position; run this plugin on parsed Markdown`,
    );
  }
  return source.slice(start, end);
}

/**
 * The literal text, with a footnote call the directive's `[label]` had swallowed given back
 * as one: "at 8:35[^1]" parses as the directive `:35[^1]`, and its "[^1]" is the author's
 * footnote.
 */
function withFootnoteCalls(literal: string, footnotes: Set<string>): PhrasingContent[] {
  const parts: PhrasingContent[] = [];
  let rest = literal;
  for (let match = /\[\^([^\]\s]+)\]/.exec(rest); match; match = /\[\^([^\]\s]+)\]/.exec(rest)) {
    const label = match[1]!;
    const identifier = label.toLowerCase();
    if (!footnotes.has(identifier)) break;
    if (match.index > 0) parts.push({ type: 'text', value: rest.slice(0, match.index) });
    parts.push({ type: 'footnoteReference', identifier, label });
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) parts.push({ type: 'text', value: rest });
  return parts;
}
