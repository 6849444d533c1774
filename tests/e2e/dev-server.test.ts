import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { launchBrowser, closeBrowser } from '../support/browser.ts';
import { validWork, writeContent } from '../support/content.ts';
import { root } from '../support/sites.ts';

// `npm run dev` on a story folder outside the project (CONTENT_DIR): the author edits a chapter
// and sees it; a mistake is logged with its place while the rest of the site keeps working;
// drafts and scheduled chapters are there to read, marked.
// `--ignore-lock`: a developer's own dev server of this project may be running meanwhile.
const content = writeContent({
  'w/work.md': validWork,
  'w/01-one.md': '---\ntitle: "One"\n---\n\nThe lamp was lit.\n',
  'w/02-two.md': '---\ntitle: "Two"\ndraft: true\n---\n\nA draft the author is reading.\n',
  'w/03-later.md': '---\ntitle: "Later"\npublished: 2999-01-01\n---\n\nNot out for a while.\n',
});
const chapterFile = path.join(content, 'w/01-one.md');
const port = 4477;
const origin = `http://127.0.0.1:${port}`;
let output = '';
let server: ReturnType<typeof spawn> | undefined;

async function page(url: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${origin}${url}`);
  return { status: response.status, html: await response.text() };
}

beforeAll(async () => {
  const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
  server = spawn(
    process.execPath,
    [astro, 'dev', '--ignore-lock', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: root,
      env: {
        // As a developer's shell has it: without Vitest's NODE_ENV=test and VITEST flags.
        ...Object.fromEntries(
          Object.entries(process.env).filter(([name]) => !/^(VITEST|NODE_ENV$|TEST$)/.test(name)),
        ),
        CONTENT_DIR: content,
        ASTRO_CACHE_DIR: path.join(content, '.cache'),
        ASTRO_TELEMETRY_DISABLED: '1',
      },
    },
  );
  server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // Ready once it serves the chapter (Vite may restart once after its first start).
  await vi.waitFor(
    async () => {
      const html = await page('/w/one/').then(
        (p) => p.html,
        () => '',
      );
      if (!html.includes('The lamp was lit.')) throw new Error(output);
    },
    { timeout: 60_000, interval: 500 },
  );
});
afterAll(() => {
  server?.kill();
});

test('an edited chapter shows its new text', async () => {
  expect((await page('/w/one/')).html).toContain('The lamp was lit.');
  writeFileSync(chapterFile, readFileSync(chapterFile, 'utf8').replace('lit', 'out'));
  await expect
    .poll(async () => (await page('/w/one/')).html, { timeout: 20_000 })
    .toContain('The lamp was out.');
});

test('a mistake is logged with its file and line, and fixing it brings the chapter back', async () => {
  appendFileSync(chapterFile, '\n:::flashback\nNever closed.\n');
  await expect
    .poll(() => output, { timeout: 20_000 })
    .toMatch(/w\/01-one\.md:7:1 +This ":::flashback" is never closed/);
  expect((await page('/w/')).status).toBe(200);
  writeFileSync(
    chapterFile,
    readFileSync(chapterFile, 'utf8').replace('Never closed.\n', 'Closed.\n:::\n'),
  );
  await expect
    .poll(async () => (await page('/w/one/')).html, { timeout: 20_000 })
    .toContain('Closed.');
});

test('drafts and scheduled chapters are served, marked, for the author to read', async () => {
  // The edits of the tests before may still be syncing: wait for the pages to come back.
  await expect
    .poll(async () => (await page('/w/two/')).html, { timeout: 20_000 })
    .toContain('A draft the author is reading.');
  expect((await page('/w/two/')).html).toMatch(/data-draft-mark="draft"[^>]*>\s*Draft\s*</);
  await expect
    .poll(async () => (await page('/w/later/')).html, { timeout: 20_000 })
    .toMatch(/data-draft-mark="scheduled"[^>]*>\s*Scheduled: Jan 1, 2999\s*</);
  await expect
    .poll(async () => (await page('/w/')).html, { timeout: 20_000 })
    .toMatch(/\/w\/two\/[\s\S]*\/w\/later\//);
});

test('search under the dev server says the index is made by the build (readers never see this)', async () => {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const search = await context.newPage();
    await search.goto(`${origin}/search/?q=lamp`);
    await expect
      .poll(() => search.locator('passage-search[data-mode="page"] [data-status]').textContent(), {
        timeout: 20_000,
      })
      .toContain('the search index is made by `npm run build`');
    await context.close();
  } finally {
    await closeBrowser(browser);
  }
});

test('no service worker under the dev server: every edit shows, nothing is kept offline', async () => {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    // Every call to register a service worker is counted before the page's scripts run.
    await context.addInitScript(() => {
      const container = ServiceWorkerContainer.prototype;
      const register = container.register;
      (window as unknown as { registered: number }).registered = 0;
      container.register = function (...args: Parameters<typeof register>) {
        (window as unknown as { registered: number }).registered += 1;
        return register.apply(this, args);
      };
    });
    const reader = await context.newPage();
    await reader.goto(`${origin}/w/`);
    await reader.waitForLoadState('load');
    // The page's scripts ran (the built site would register its worker by now)...
    await expect
      .poll(() => reader.locator('html').getAttribute('data-js'), { timeout: 20_000 })
      .toBe('');
    // The built site registers its worker in the load event, which has run: no call was made.
    expect(await reader.evaluate(() => document.readyState)).toBe('complete');
    expect(
      await reader.evaluate(() => (window as unknown as { registered: number }).registered),
    ).toBe(0);
    expect(
      await reader.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length),
    ).toBe(0);
    expect(context.serviceWorkers()).toEqual([]);
    // ...and the "Save for offline" control stays hidden.
    expect(await reader.locator('offline-save').isVisible()).toBe(false);
    await context.close();
  } finally {
    await closeBrowser(browser);
  }
});
