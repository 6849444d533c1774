import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Nodes } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, test } from "vitest";
import { addedTextSelectors } from "../../src/lib/markup/vocabulary.ts";
import { firstDifference, pageAt, visibleText, wordsOf } from "../support/html.ts";
import { distOf, root, sites } from "../support/sites.ts";

const isAddedLabel = (element: Element) =>
  addedTextSelectors.some((selector) => element.matches(selector));

/** The words of a built page's element, without the labels the pipeline adds. */
function renderedWords(dist: string, url: string, selector: string): string[] {
  const element = pageAt(dist, url).document.querySelector(selector);
  if (!element) throw new Error(`${url} has no ${selector}`);
  return wordsOf(visibleText(element, isAddedLabel));
}

describe("the author's words survive, complete and in order", () => {
  test("Entwined Destinies: title, summary, note and Part 1 as the author gave them", () => {
    const original = readFileSync(
      path.join(root, "tests/fixtures/story/entwined-destinies-part-1.txt"),
      "utf8",
    );
    const [title, summary, note, ...body] = original
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    // "Summary:" and "Author's note:" label the author's fields in the text file; the site shows
    // them as the headings "Summary" and "Notes".
    const expected = wordsOf(
      [
        title,
        summary?.replace(/^Summary: /, ""),
        note?.replace(/^Author's note: /, ""),
        ...body,
      ].join("\n"),
    );

    const dist = distOf("story");
    const actual = [
      ...renderedWords(dist, "/entwined-destinies/", "h1"),
      ...renderedWords(dist, "/entwined-destinies/part-1/", "h1"),
      ...renderedWords(dist, "/entwined-destinies/", "#summary-heading + div"),
      ...renderedWords(dist, "/entwined-destinies/", "#work-notes-heading + div"),
      ...renderedWords(dist, "/entwined-destinies/part-1/", ".story-text"),
    ];
    expect(firstDifference(expected, actual)).toBeUndefined();
    expect(actual).toHaveLength(expected.length);
  });

  test("the only words added inside the prose are the flashback labels", () => {
    const { document } = pageAt(distOf("story"), "/entwined-destinies/part-1/");
    const added = Array.from(document.querySelectorAll(addedTextSelectors.join(","))).map(
      (el) => el.textContent,
    );
    expect(added).toEqual([
      "Flashback: A few days ago",
      "End of flashback",
      "Flashback: Leaving Sunnydale",
      "End of flashback",
    ]);
  });

  const holmes = path.join(sites.library, "the-adventures-of-sherlock-holmes");
  const chapters = readdirSync(holmes)
    .filter((name) => /^\d+-.+\.md$/.test(name))
    .sort();

  test.each(chapters)(
    "Holmes, %s: every word of the source is on the chapter page, in order",
    (file) => {
      const source = readFileSync(path.join(holmes, file), "utf8").replace(
        /^---\n[\s\S]*?\n---\n/,
        "",
      );
      const slug = file.replace(/^\d+-/, "").replace(/\.md$/, "");
      const actual = renderedWords(
        distOf("library"),
        `/the-adventures-of-sherlock-holmes/${slug}/`,
        ".story-text",
      );
      const expected = markdownWords(source);
      expect(firstDifference(expected, actual)).toBeUndefined();
    },
  );
});

/** The words of Markdown read as plain CommonMark (no directives): what the author wrote. */
function markdownWords(markdown: string): string[] {
  const tree = unified().use(remarkParse).parse(markdown);
  let text = "";
  const walk = (node: Nodes) => {
    if (node.type === "text" || node.type === "inlineCode") text += node.value;
    else if (node.type === "break" || node.type === "thematicBreak") text += " ";
    if ("children" in node) {
      const block = node.type !== "emphasis" && node.type !== "strong" && node.type !== "link";
      if (block) text += " ";
      for (const child of node.children) walk(child as Nodes);
      if (block) text += " ";
    }
  };
  walk(tree);
  return wordsOf(text);
}
