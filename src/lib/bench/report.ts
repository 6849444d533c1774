// What `npm run bench` prints: one table per run, a line per extra measurement, and the change
// against an earlier results file.
import { round, type SizeResult } from './budgets.ts';

export function printTable(rows: SizeResult[]) {
  const header = [
    'size',
    'chapters',
    'words',
    'build s',
    'peak MB',
    'words/s',
    'out files',
    'out MB',
    'page KB (gz)',
    'own text gz',
    'chrome gz',
    'CSS gz',
    'JS gz',
    'fonts (offered)',
    'index MB',
    'query 1 KB/ms',
    'query 2 KB/ms',
  ];
  const lines = rows.map((r) => [
    r.size,
    String(r.chapters),
    r.words.toLocaleString('en'),
    String(r.build.seconds),
    String(r.build.peakMB ?? '?'),
    r.wordsPerSecond.toLocaleString('en'),
    String(r.output.files),
    String(r.output.MB),
    `${r.page.htmlKB} (${r.page.htmlGzipKB})`,
    String(r.page.ownTextGzipKB),
    String(r.page.chromeGzipKB),
    String(r.page.cssGzipKB),
    String(r.page.jsGzipKB),
    `${r.page.fontsKB} (${r.page.fontsOfferedKB})`,
    String(r.search?.indexMB ?? '-'),
    r.search?.queries[0] ? `${r.search.queries[0].KB} / ${r.search.queries[0].msToResults}` : '-',
    r.search?.queries[1] ? `${r.search.queries[1].KB} / ${r.search.queries[1].msToResults}` : '-',
  ]);
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const line of lines) console.log(`| ${line.join(' | ')} |`);
  for (const r of rows) {
    for (const [name, scores] of Object.entries(r.lighthouse ?? {})) {
      const { url, performance, accessibility, bestPractices, seo, metrics } = scores;
      console.log(
        `  ${r.size} Lighthouse (mobile) ${name} ${url}: performance ${performance}, accessibility ${accessibility}, best practices ${bestPractices}, SEO ${seo}; FCP ${metrics.fcp} ms, LCP ${metrics.lcp} ms, TBT ${metrics.tbt} ms, SI ${metrics.si} ms`,
      );
    }
    const plain = rows.find((other) => `${other.size}-pictures` === r.size);
    if (r.pictures && plain)
      console.log(
        `  ${r.size}: ${r.pictures.count} pictures and a cover per work add ${round(r.build.seconds - plain.build.seconds)} s to a first build (${round(((r.build.seconds - plain.build.seconds) / plain.build.seconds) * 100)}% of ${plain.build.seconds} s), ${round(r.pictures.warmBuildSeconds - plain.build.seconds)} s to the next (pictures cached: ${r.pictures.warmBuildSeconds} s), and ${r.pictures.imagesMB} MB of image files; an illustrated chapter page downloads ${r.pictures.phoneKB} KB of pictures on a phone (390 px at 3×), ${r.pictures.desktopKB} KB on a desktop (1280 px at 1×)`,
      );
    if (r.epub)
      console.log(
        `  ${r.size} EPUB: ${r.epub.files} books, ${r.epub.MB} MB, made in ${r.epub.seconds} s of the build's main thread (${round(r.epub.shareOfBuild * 100)}% of ${r.build.seconds} s)`,
      );
    if (r.offline)
      console.log(
        `  ${r.size} offline: the worker precaches ${round(r.offline.shellKB)} KB (${round(r.offline.shellGzipKB)} KB gzip) in ${r.offline.shellFiles} files; saving "${r.offline.work}" stores ${round(r.offline.saveKB)} KB in ${r.offline.saveFiles} files in ${r.offline.msToSave} ms; offline, the first result for "${r.offline.query}" shows ${r.offline.msToFirstOfflineResult} ms after the last keystroke`,
      );
    for (const q of r.search?.queries ?? [])
      console.log(
        `  ${r.size} search "${q.query}": ${q.KB} KB in ${q.requests} requests; first result ${q.msToResults} ms, ${q.chapters} chapters drawn ${q.msToBatch} ms`,
      );
  }
}

export function printComparison(before: SizeResult[], after: SizeResult[]) {
  console.log('\nChange against the earlier run');
  for (const now of after) {
    const then = before.find((b) => b.size === now.size);
    if (!then) continue;
    const delta = (a: number, b: number) => `${b >= a ? '+' : ''}${round(((b - a) / a) * 100)}%`;
    console.log(
      `  ${now.size}: build ${then.build.seconds} → ${now.build.seconds} s (${delta(then.build.seconds, now.build.seconds)}), chapter page ${then.page.htmlGzipKB} → ${now.page.htmlGzipKB} KB gz, CSS+JS ${round(then.page.cssGzipKB + then.page.jsGzipKB)} → ${round(now.page.cssGzipKB + now.page.jsGzipKB)} KB gz`,
    );
  }
}
