// What a build publishes. A chapter (or a whole work) is published unless it says `draft: true`
// or its `published` date is still in the future: a scheduled chapter appears in the first build
// that runs on or after its date. Drafts and scheduled chapters are left out of the model itself
// (library.ts), so no page, feed, sitemap, search entry, count or link can show them. `astro dev`
// and preview builds (PREVIEW=1) keep them, marked, so the author can read them.

/** How one build treats drafts: the moment it counts as "now", and whether it shows drafts. */
export interface Publishing {
  now: Date;
  includeDrafts: boolean;
}

/** Why a work or chapter is not published yet. */
export type Unpublished = 'draft' | 'scheduled';

/**
 * The build's publishing rules from its environment: `PREVIEW=1` (or `astro dev`) shows drafts;
 * `BUILD_DATE` (a date, or a date and time, UTC unless it names a zone) stands in for the clock,
 * for tests and for previewing a schedule.
 */
export function publishingFromEnv(
  env: Record<string, string | undefined>,
  dev: boolean,
): Publishing {
  const preview = env['PREVIEW'];
  return {
    now: env['BUILD_DATE'] ? parseBuildDate(env['BUILD_DATE']) : new Date(),
    includeDrafts: dev || (preview !== undefined && !['', '0', 'false'].includes(preview)),
  };
}

/** Whether an entry is held back, and why: an explicit draft first, then a future date. */
export function unpublished(
  data: { draft?: boolean | undefined; published?: Date | undefined },
  now: Date,
): Unpublished | undefined {
  if (data.draft) return 'draft';
  if (data.published && data.published > now) return 'scheduled';
  return undefined;
}

const zonelessDateTime = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

/**
 * A date and time written without a zone, made explicit as UTC (`2026-12-04 18:00` →
 * `2026-12-04T18:00Z`): JavaScript would read it in the build machine's own zone. A date alone
 * is UTC already; anything else is left as written.
 */
export function zonelessAsUtc(text: string): string {
  return text.trim().replace(zonelessDateTime, '$1T$2Z');
}

/** `2026-12-04` and `2026-12-04T18:00` are UTC; `2026-12-04T18:00+01:00` keeps its zone. */
export function parseBuildDate(value: string): Date {
  const date = new Date(zonelessAsUtc(value));
  if (!/^\d{4}-\d{2}-\d{2}/.test(value.trim()) || Number.isNaN(date.getTime())) {
    throw new Error(
      `BUILD_DATE "${value}" is not a date. Write it like 2026-12-04 or 2026-12-04T18:00 (UTC), or 2026-12-04T18:00+01:00.`,
    );
  }
  return date;
}
