import type { Definition, Root } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

/** Identifies this plugin's messages. */
export const unsupportedSource = 'fiction-reader:unsupported';

/**
 * Refuses the Markdown the site does not render, so nothing vanishes unseen: a link
 * definition nothing uses (`[1]: https://…`) renders nothing at all, so its text would silently
 * disappear (`definition:unused`). (Pictures are images.ts's.)
 */
export function remarkRefuseUnsupported() {
  return function transformer(tree: Root, file: VFile) {
    const definitions: Definition[] = [];
    const used = new Set<string>();
    visit(tree, (node) => {
      if (node.type === 'definition') definitions.push(node);
      if (node.type === 'linkReference' || node.type === 'imageReference')
        used.add(node.identifier);
    });
    for (const definition of definitions) {
      if (used.has(definition.identifier)) continue;
      file.fail(
        `The link definition "[${definition.label ?? definition.identifier}]: ${definition.url}" is not used, so it would not show at all. Link to it with "[text][${definition.label ?? definition.identifier}]", or write the address in the text.`,
        { place: definition.position, ruleId: 'definition:unused', source: unsupportedSource },
      );
    }
  };
}
