import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveStatic } from './src/lib/bench/serve-static.ts';
const site = await serveStatic(process.env.DIST ?? '.tmp/sites/library/dist');
for (const url of process.argv.slice(2)) {
  const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-background-networking'] });
  const result = await lighthouse(site.origin + url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  const a = result!.lhr.audits;
  console.log(url, Math.round(result!.lhr.categories.performance!.score! * 100), ['first-contentful-paint','largest-contentful-paint','total-blocking-time','cumulative-layout-shift','speed-index'].map(k => `${k}=${a[k]?.numericValue?.toFixed(3)}`).join(' '));
  const ls = a['layout-shifts'] as any;
  console.log(JSON.stringify(ls?.details?.items?.map((i: any) => [i.node?.snippet?.slice(0, 120), i.score, i.subItems?.items?.map((s: any) => s.cause ?? s.extra?.value)]), null, 0)?.slice(0, 1500));
  const lcp = a['largest-contentful-paint-element'] as any;
  console.log('LCP', JSON.stringify(lcp?.details?.items?.[0]?.items?.[0]?.node?.snippet));
  await chrome.kill();
}
await site.close();
