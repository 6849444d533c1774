import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { performanceDocPath, renderPerformanceDoc } from '../../src/lib/bench/performance-doc.ts';
import { medianOfRuns, spreadOfRuns } from '../../src/lib/bench/results-file.ts';
import { fillTables } from '../../src/lib/bench/tables.ts';
import { root } from '../support/sites.ts';

// docs/performance.md shows figures only from committed results files (#30, item 2).
const doc = readFileSync(path.join(root, performanceDocPath), 'utf8');

describe('docs/performance.md', () => {
  test('its tables are the ones the newest results files make', async () => {
    // On a difference: `npm run bench:tables`, or the doc was edited between its markers.
    expect(await renderPerformanceDoc(root, doc)).toBe(doc);
  });

  test('its prose states no figure: every digit is in a generated table, code or a link', () => {
    const prose = doc
      .replace(/<!-- bench:([\w-]+) -->[\s\S]*?<!-- \/bench:\1 -->/g, '')
      .replace(/```[\s\S]*?```/g, '')
      .replace(/`[^`\n]*`/g, '')
      .replace(/\]\([^)]*\)/g, ']');
    const figures = prose
      .split('\n')
      .map((line, i) => ({ line: i + 1, text: line }))
      .filter(({ text }) => /\d/.test(text));
    expect(figures).toEqual([]);
  });
});

describe('the results files', () => {
  test('the run of medians takes each figure’s median, keeping a figure measured once', () => {
    const runs = [
      { size: 'M', build: { seconds: 12 }, lighthouse: { chapter: { performance: 100 } } },
      { size: 'M', build: { seconds: 10 } },
      { size: 'M', build: { seconds: 30 } },
    ];
    expect(medianOfRuns(runs)).toEqual({
      size: 'M',
      build: { seconds: 12 },
      lighthouse: { chapter: { performance: 100 } },
    });
    expect(spreadOfRuns(runs)).toEqual({
      'build.seconds': { median: 12, min: 10, max: 30, runs: 3 },
    });
  });

  test('a table without its place in the doc, or a place without a table, is an error', () => {
    const place = '<!-- bench:a -->\nold\n<!-- /bench:a -->\n';
    expect(fillTables(place, { a: 'new' })).toBe('<!-- bench:a -->\n\nnew\n\n<!-- /bench:a -->\n');
    expect(() => fillTables(place, {})).toThrow(/table "a" that no results file makes/);
    expect(() => fillTables(place, { a: 'new', b: 'more' })).toThrow(/lacks a place for b/);
  });
});
