import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumPath } from '../../../tests/support/chromium.ts';

/** Lighthouse's four category scores, 0–100. */
export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  /** Cumulative Layout Shift as Lighthouse measured it while loading the page. */
  cumulativeLayoutShift: number;
  /** The timings the performance score is made of, in ms (simulated mobile). */
  metrics: { fcp: number; lcp: number; tbt: number; si: number };
}

/**
 * Runs Lighthouse (its default mobile profile: a mid-range phone on a throttled 4G connection)
 * against one URL in Debian's Chromium. Lighthouse drives the browser itself over the DevTools
 * protocol, so it gets its own Chromium rather than Playwright's.
 */
export async function runLighthouse(url: string): Promise<LighthouseScores> {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-background-networking'],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const categories = result?.lhr.categories ?? {};
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const metric = (id: string) => Math.round(result?.lhr.audits[id]?.numericValue ?? Number.NaN);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
      cumulativeLayoutShift:
        result?.lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
      metrics: {
        fcp: metric('first-contentful-paint'),
        lcp: metric('largest-contentful-paint'),
        tbt: metric('total-blocking-time'),
        si: metric('speed-index'),
      },
    };
  } finally {
    chrome.kill();
  }
}
