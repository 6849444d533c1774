import type { Root, RootContent, ThematicBreak } from 'mdast';
import type { Data, Parent } from 'unist';
// Declares mdast's `data.hName` / `data.hProperties`, which remark-rehype honours.
import type {} from 'mdast-util-to-hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { attributes } from './vocabulary.ts';
import { labelsOf } from './labels.ts';

/** Options of {@link remarkScenes}. */
export interface ScenesOptions {
  /** Accessible name of the scene-break ornament. */
  breakLabel?: string;
}

/** An mdast node that remark-rehype turns into `<section data-scene>` through `data.hName`. */
interface SceneNode extends Parent {
  type: 'scene';
  children: RootContent[];
  data: Data & { hName: 'section'; hProperties: Record<string, string> };
}

/**
 * Splits a chapter into scenes at its top-level thematic breaks (`***`, `* * *`, `---`).
 * Every chapter has at least `scene-1`; each break becomes an ornament announced as a
 * scene break. Breaks inside quotes or flashbacks are drawn the same way but do not split.
 *
 * ```markdown
 * Clark is sitting in the Talon.
 *
 * * * *
 *
 * Buffy wakes up.
 * ```
 *
 * ```html
 * <section data-scene="1" id="scene-1"><p>Clark is sitting in the Talon.</p></section>
 * <hr data-scene-break aria-label="Scene break">
 * <section data-scene="2" id="scene-2"><p>Buffy wakes up.</p></section>
 * ```
 *
 * A break with no text before or after it (one that opens or closes the chapter, or a
 * second break in a row) still draws its ornament but makes no empty scene.
 */
export function remarkScenes(options: ScenesOptions = {}) {
  return function transformer(tree: Root, file?: VFile) {
    const breakLabel = options.breakLabel ?? labelsOf(file).sceneBreak;
    visit(tree, 'thematicBreak', (node: ThematicBreak) => {
      node.data = {
        ...node.data,
        hProperties: { [attributes.sceneBreak]: '', 'aria-label': breakLabel },
      };
    });

    const children: RootContent[] = [];
    let scene: RootContent[] = [];
    let count = 0;
    const closeScene = () => {
      if (scene.length === 0) return;
      count += 1;
      const section: SceneNode = {
        type: 'scene',
        children: scene,
        data: {
          hName: 'section',
          hProperties: { [attributes.scene]: String(count), id: `scene-${count}` },
        },
      };
      children.push(section as unknown as RootContent);
      scene = [];
    };
    for (const child of tree.children) {
      if (child.type === 'thematicBreak') {
        closeScene();
        children.push(child);
      } else if (
        child.type !== 'definition' &&
        child.type !== 'footnoteDefinition' &&
        !isComment(child)
      ) {
        scene.push(child);
      } else {
        // Definitions render nothing in place (footnotes gather at the end), nor do HTML comments:
        // keep them out of scene counting.
        (scene.length > 0 ? scene : children).push(child);
      }
    }
    closeScene();
    tree.children = children;
  };
}

function isComment(node: RootContent): boolean {
  return node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim());
}
