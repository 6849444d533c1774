import { readFileSync } from 'node:fs';
import { HtmlValidate } from 'html-validate';
import { describe, expect, test } from 'vitest';
import { loadPages } from '../support/html.ts';
import { availableSites, distOf, root } from '../support/sites.ts';

// The checked-in .htmlvalidate.json names every rule turned off; docs/testing.md says why.
const validator = new HtmlValidate(JSON.parse(readFileSync(`${root}/.htmlvalidate.json`, 'utf8')));

describe.each(availableSites)('every page of the %s site', (site) => {
  test.each(loadPages(distOf(site)).map((p) => [p.url, p.file] as const))(
    '%s is valid HTML',
    async (_url, file) => {
      const report = await validator.validateFile(file);
      const messages = report.results.flatMap((r) =>
        r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
      );
      expect(messages).toEqual([]);
    },
  );
});
