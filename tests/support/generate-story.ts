import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The shape of a generated story folder. */
export interface StoryShape {
  works: number;
  chaptersPerWork: number;
  wordsPerChapter: number;
  seed?: number;
  /** Groups each work's chapters into this many parts ("Book I — …"), evenly. */
  parts?: number;
}

/** The benchmark's sizes (S, M, L): same prose, growing folders. */
export const storySizes = {
  S: { works: 1, chaptersPerWork: 20, wordsPerChapter: 3_000 },
  M: { works: 2, chaptersPerWork: 100, wordsPerChapter: 4_000 },
  L: { works: 4, chaptersPerWork: 500, wordsPerChapter: 4_000 },
} as const satisfies Record<string, StoryShape>;

/** mulberry32: a small, fast, seedable PRNG, so every run writes the same story. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const syllables =
  'ka ren mo thi la vos da mir el sa tor quin bre an wy lo fe ga dun ris ol pa he nim sto cra'.split(
    ' ',
  );
const names = ['Ada', 'Ben', 'Clara', 'Dorian', 'Elin', 'Faro', 'Greta', 'Hollis', 'Ines', 'Jory'];
const verbs = ['said', 'asked', 'whispered', 'answered', 'called', 'muttered'];
const times = [
  'A few days earlier',
  'Ten years before',
  'That winter',
  'Long ago',
  'The night before',
];

/**
 * A vocabulary ranked by frequency: word r is drawn with probability ∝ 1/r (Zipf), like real
 * prose, so index and search costs behave as they would on a real story.
 */
function zipfVocabulary(next: () => number, size: number) {
  const words = Array.from({ length: size }, (_, rank) => {
    const parts = 1 + (rank > 50 ? 1 : 0) + (rank > 2_000 ? 1 : 0) + (next() < 0.3 ? 1 : 0);
    return Array.from(
      { length: parts },
      () => syllables[Math.floor(next() * syllables.length)],
    ).join('');
  });
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= size; rank += 1) cumulative.push((total += 1 / rank));
  return () => {
    const target = next() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! < target) low = mid + 1;
      else high = mid;
    }
    return words[low]!;
  };
}

/** Writes a deterministic story folder (work.md and NN-slug.md files per work); returns its word count. */
export function generateStory(dir: string, shape: StoryShape): number {
  const next = random(shape.seed ?? 20261124);
  const word = zipfVocabulary(next, 20_000);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const sentence = (words: number) => {
    const text = Array.from({ length: words }, (_, i) => (i === 0 ? capitalise(word()) : word()));
    if (next() < 0.15) text[Math.floor(next() * words)] = `*${word()}*`;
    if (next() < 0.05)
      text.push(
        `at ${1 + Math.floor(next() * 12)}:${String(Math.floor(next() * 60)).padStart(2, '0')}`,
      );
    return `${text.join(' ')}.`;
  };
  const paragraph = (budget: number) => {
    if (next() < 0.35) {
      const line = sentence(4 + Math.floor(next() * 10)).slice(0, -1);
      return `"${line}," ${pick(names)} ${pick(verbs)}. ${sentence(6 + Math.floor(next() * 8))}`;
    }
    const sentences: string[] = [];
    let words = 0;
    while (words < budget) {
      const length = 6 + Math.floor(next() * 18);
      sentences.push(sentence(length));
      words += length;
    }
    return sentences.join(' ');
  };

  rmSync(dir, { recursive: true, force: true });
  let total = 0;
  for (let w = 1; w <= shape.works; w += 1) {
    const workDir = path.join(dir, `work-${w}`);
    mkdirSync(workDir, { recursive: true });
    writeFileSync(
      path.join(workDir, 'work.md'),
      `---\ntitle: "Generated Work ${w}"\nauthor: "Benchmark"\nsummary: "${sentence(20)}"\nstatus: in-progress\nseries: { name: "Generated", part: ${w} }\n---\n\n${paragraph(40)}\n`,
    );
    for (let c = 1; c <= shape.chaptersPerWork; c += 1) {
      const blocks: string[] = [];
      let words = 0;
      let flashbackOpen = false;
      let flashbackParagraphs = 0;
      while (words < shape.wordsPerChapter) {
        const roll = next();
        if (roll < 0.012 && !flashbackOpen && blocks.length > 0) {
          blocks.push('* * *');
        } else if (roll < 0.02 && !flashbackOpen) {
          blocks.push(`:::flashback{when="${pick(times)}"}`);
          flashbackOpen = true;
          flashbackParagraphs = 0;
        } else if (roll < 0.035 && flashbackOpen && flashbackParagraphs > 0) {
          blocks.push(':::');
          flashbackOpen = false;
        } else {
          const text = paragraph(30 + Math.floor(next() * 90));
          words += text.split(/\s+/).length;
          flashbackParagraphs += 1;
          blocks.push(text);
        }
      }
      if (flashbackOpen && flashbackParagraphs === 0) blocks.pop();
      else if (flashbackOpen) blocks.push(':::');
      total += words;
      const number = String(c).padStart(String(shape.chaptersPerWork).length, '0');
      const part = shape.parts
        ? `part: "${partTitle(Math.floor(((c - 1) * shape.parts) / shape.chaptersPerWork))}"\n`
        : '';
      writeFileSync(
        path.join(workDir, `${number}-chapter-${c}.md`),
        `---\ntitle: "Chapter ${c}"\npublished: 2025-01-${String(1 + (c % 28)).padStart(2, '0')}\n${part}---\n\n${blocks.join('\n\n')}\n`,
      );
    }
  }
  return total;
}

const romans = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII'];
const seasons = ['Spring', 'Summer', 'Autumn', 'Winter'];

/** "Book II — Part I: Summer 1806": long, with dashes, as real multi-volume novels name parts. */
function partTitle(index: number): string {
  const book = Math.floor(index / 3);
  return `Book ${romans[book % romans.length]} — Part ${romans[index % 3]}: ${seasons[index % 4]} ${1805 + book}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
