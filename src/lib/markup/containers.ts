import type { Paragraph, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { VFile } from 'vfile';

/**
 * The container directives the site renders (`:::name` … `:::`), each by its own plugin. Any
 * other name is an author's mistake, refused by the flashback plugin with this list.
 */
export const containerNames = [
  'flashback',
  'messages',
  'letter',
  'verse',
  'epigraph',
  'table',
] as const;

/** A closed container's last line is its closing fence (maybe quoted); an unclosed one runs to the end. */
export function isClosed(node: ContainerDirective, lines: string[]): boolean {
  const endLine = node.position?.end.line;
  if (endLine === undefined) return true;
  return /^[\s>]*:{3,}\s*$/.test(lines[endLine - 1] ?? '');
}

/** Fails the file at `node` with `kind:rule`, the reason and its fix. */
export function failAt(
  file: VFile,
  node: { position?: ContainerDirective['position'] },
  kind: string,
  rule: string,
  reason: string,
  fix: string,
): never {
  file.fail(`${reason} ${fix}`, {
    place: node.position,
    ruleId: `${kind}:${rule}`,
    source: `fiction-reader:${kind}`,
  });
}

/**
 * The checks every container shares: closed, not inside one of its own kind, only the
 * attributes it knows, no `[label]` unless it takes one, and not empty. Returns the children
 * after the label, and the label's paragraph if it has one.
 */
export function checkContainer(
  node: ContainerDirective,
  ancestors: readonly { type: string; name?: string }[],
  file: VFile,
  options: { known: readonly string[]; takesLabel?: boolean; example: string },
): { children: RootContent[]; label: RootContent | undefined } {
  const kind = node.name;
  const lines = String(file.value).split(/\r?\n/);
  if (!isClosed(node, lines)) {
    failAt(
      file,
      node,
      kind,
      'unclosed',
      `This ":::${kind}" is never closed: it would run to the end of the chapter.`,
      `Add a line holding only ":::" where it ends.`,
    );
  }
  // Checked from the outer container too, which is visited first.
  const inner = (node.children as RootContent[]).find(
    (child) => child.type === 'containerDirective' && child.name === kind,
  );
  if (inner || ancestors.some((a) => a.type === 'containerDirective' && a.name === kind)) {
    failAt(
      file,
      inner ?? node,
      kind,
      'nested',
      `A ":::${kind}" cannot sit inside another ":::${kind}".`,
      `Close the outer one (a line holding ":::") before opening the next.`,
    );
  }
  const unknown = Object.keys(node.attributes ?? {}).filter(
    (name) => !options.known.includes(name),
  );
  if (unknown.length > 0) {
    failAt(
      file,
      node,
      kind,
      'unknown-attribute',
      `":::${kind}" does not take "${unknown.join('", "')}".`,
      `Write it like this: ${options.example}`,
    );
  }
  const [first, ...rest] = node.children as RootContent[];
  const hasLabel = first?.type === 'paragraph' && first.data?.directiveLabel === true;
  if (hasLabel && !options.takesLabel) {
    failAt(
      file,
      node,
      kind,
      'unknown-attribute',
      `":::${kind}" takes no [label].`,
      `Write it like this: ${options.example}`,
    );
  }
  const children = hasLabel ? rest : (node.children as RootContent[]);
  if (children.length === 0) {
    failAt(
      file,
      node,
      kind,
      'empty',
      `This ":::${kind}" holds no text.`,
      `Put its lines between ":::${kind}" and ":::", or remove both.`,
    );
  }
  return { children, label: hasLabel ? first : undefined };
}

/** A start or end marker: a paragraph of the pipeline's own words. */
export function marker(label: string, properties: Record<string, string>): Paragraph {
  return {
    type: 'paragraph',
    children: [{ type: 'text', value: label }],
    data: { hProperties: properties },
  };
}
