import type { LighthouseScores } from './lighthouse.ts';
import type { OfflineCost } from './offline-cost.ts';
import type { SearchQuality } from './search-quality.ts';

/** One benchmark run over one story folder. */
export interface SizeResult {
  size: string;
  chapters: number;
  words: number;
  build: { seconds: number; peakMB: number | undefined };
  output: { files: number; MB: number };
  wordsPerSecond: number;
  page: {
    url: string;
    htmlKB: number;
    htmlGzipKB: number;
    ownTextGzipKB: number;
    chromeGzipKB: number;
    cssGzipKB: number;
    jsGzipKB: number;
    /** Web fonts the chapter page downloads in Chromium, default settings. */
    fontsKB: number;
    /** Every face the CSS offers (reader-chosen typefaces load only when chosen). */
    fontsOfferedKB: number;
    renderBlockingScripts: number;
  };
  /** The EPUBs: how many, their size, and the build's main-thread time spent making them. */
  epub?: { files: number; MB: number; seconds: number; shareOfBuild: number };
  search?: {
    indexMB: number;
    indexFiles: number;
    queries: {
      query: string;
      KB: number;
      requests: number;
      /** Last keystroke to the first result on screen. */
      msToResults: number;
      /** Last keystroke to the first batch of chapters drawn and counted. */
      msToBatch?: number;
      chapters: number;
      /** Every trial, each in a fresh browser context; the figures above are their medians. */
      trials?: { KB: number; msToResults: number; msToBatch?: number }[];
    }[];
  };
  /** What readers find: phrases, typos, stray marks (the largest size and the book, once). */
  searchQuality?: SearchQuality;
  /** An illustrated run: its pictures, their files, and what a chapter page downloads of them. */
  pictures?: {
    count: number;
    /** The same build again, Astro's cache of resized pictures kept. */
    warmBuildSeconds: number;
    imagesMB: number;
    phoneKB: number;
    desktopKB: number;
  };
  /** Offline reading: the app shell, saving the first work, searching it with no network. */
  offline?: OfflineCost;
  /**
   * Lighthouse scores of every page type (measured for the real story): the chapter, the
   * work's contents, the library home, the search page with a query.
   */
  lighthouse?: Record<string, LighthouseScores & { url: string }>;
}

/** A budget from the performance issue, checked against a run. */
export interface BudgetCheck {
  name: string;
  pass: boolean;
  actual: string;
}

/** Checks every budget that the measured sizes allow. */
export function checkBudgets(results: SizeResult[]): BudgetCheck[] {
  const checks: BudgetCheck[] = [];
  const add = (name: string, pass: boolean, actual: string) => checks.push({ name, pass, actual });
  for (const r of results) {
    add(
      `${r.size}: chapter text renders without JavaScript, no render-blocking script`,
      r.page.renderBlockingScripts === 0,
      `${r.page.renderBlockingScripts} blocking`,
    );
    add(
      `${r.size}: chapter HTML beyond its own text ≤ 12 KB gzip`,
      r.page.chromeGzipKB <= 12,
      `${r.page.chromeGzipKB} KB`,
    );
    add(
      `${r.size}: CSS + JS per chapter page ≤ 20 KB gzip`,
      r.page.cssGzipKB + r.page.jsGzipKB <= 20,
      `${round(r.page.cssGzipKB + r.page.jsGzipKB)} KB`,
    );
    add(
      `${r.size}: web fonts downloaded ≤ 100 KB`,
      r.page.fontsKB <= 100,
      `${r.page.fontsKB} KB (${r.page.fontsOfferedKB} KB offered)`,
    );
  }
  for (const r of results) {
    if (!r.pictures) continue;
    add(
      `${r.size}: pictures a phone downloads for an illustrated chapter (one picture) ≤ 150 KB`,
      r.pictures.phoneKB <= 150,
      `${r.pictures.phoneKB} KB`,
    );
  }
  for (const r of results) {
    if (!r.offline) continue;
    add(
      `${r.size}: bytes precached when the service worker installs ≤ 300 KB`,
      r.offline.shellKB <= 300,
      `${round(r.offline.shellKB)} KB in ${r.offline.shellFiles} files (${round(r.offline.shellGzipKB)} KB gzip)`,
    );
  }
  for (const r of results) {
    for (const [page, scores] of Object.entries(r.lighthouse ?? {})) {
      const { performance, accessibility } = scores;
      add(`${r.size} ${page}: Lighthouse performance ≥ 98`, performance >= 98, String(performance));
      add(
        `${r.size} ${page}: Lighthouse accessibility ≥ 98`,
        accessibility >= 98,
        String(accessibility),
      );
    }
  }
  for (const r of results) {
    const quality = r.searchQuality;
    if (!quality) continue;
    const share = (value: number) => `${round(value * 100)}%`;
    add(
      `${r.size} search: an unquoted 6-word phrase's passage in the first 3 results ≥ 95%`,
      quality.phrases.share >= 0.95,
      `${share(quality.phrases.share)} of ${quality.phrases.tried}`,
    );
    add(
      `${r.size} search: a one-typo word suggested or found ≥ 80%`,
      quality.typos.share >= 0.8,
      `${share(quality.typos.share)} of ${quality.typos.tried}`,
    );
    add(
      `${r.size} search: ≤ 3 marks outside the landing's passage`,
      quality.strayMarks.max <= 3,
      `at most ${quality.strayMarks.max} (mean ${quality.strayMarks.mean}) in ${quality.strayMarks.landings} landings`,
    );
    if (r.size === 'L')
      add(
        'L search: a miss loads ≤ 60 KB gzip of the word lists',
        quality.wordLists.mostPerMissGzipKB <= 60,
        `${quality.wordLists.mostPerMissGzipKB} KB (all lists: ${quality.wordLists.gzipKB} KB)`,
      );
  }
  const large = results.find((r) => r.size === 'L');
  const medium = results.find((r) => r.size === 'M');
  if (large?.epub) {
    add(
      'L: EPUBs add ≤ 10% to the build',
      large.epub.shareOfBuild <= 0.1,
      `${large.epub.seconds} s of ${large.build.seconds} s (${round(large.epub.shareOfBuild * 100)}%)`,
    );
  }
  if (large) {
    add('L: builds in ≤ 40 s', large.build.seconds <= 40, `${large.build.seconds} s`);
    if (large.build.peakMB !== undefined)
      add('L: peak memory < 2.5 GB', large.build.peakMB < 2_560, `${large.build.peakMB} MB`);
    if (medium) {
      const ratio = large.build.seconds / large.words / (medium.build.seconds / medium.words);
      add('L: build time per word ≤ 1.5 × M', ratio <= 1.5, `${round(ratio)}×`);
    }
    const [first, second] = large.search?.queries ?? [];
    if (first) {
      add('L search: first query ≤ 200 KB downloaded', first.KB <= 200, `${first.KB} KB`);
      add(
        'L search: first results ≤ 200 ms after the last keystroke',
        first.msToResults <= 200,
        `${first.msToResults} ms`,
      );
    }
    if (second) {
      add('L search: further query ≤ 90 KB', second.KB <= 90, `${second.KB} KB`);
      add(
        'L search: further results ≤ 200 ms after the last keystroke',
        second.msToResults <= 200,
        `${second.msToResults} ms`,
      );
    }
  }
  return checks;
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The middle value (the upper one of an even count): a run's typical figure, spikes left out. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
