import type { Key } from './ui/en.ts';

/** The strings `<passage-search>` formats in the browser (src/scripts/passage-search.ts). */
export const searchStringKeys = [
  'search.noResults',
  'search.didYouMean',
  'search.matches',
  'search.matchesFromFirst',
  'search.workPagesToo',
  'search.workPagesMatch',
  'search.passagesShown',
  'search.showMore',
  'search.unavailable',
  'search.unavailableDev',
  'search.offlineNone',
  'search.offlineSome',
  'search.offlineNote',
] as const satisfies readonly Key[];

/** The strings of passage links and quote links (src/scripts/passage-links.ts). */
export const linkStringKeys = [
  'links.paragraph',
  'links.paragraphOpening',
  'links.scene',
  'links.copied',
  'links.copyThis',
  'links.quote',
  'links.quoteCopied',
] as const satisfies readonly Key[];

/** The strings of `<offline-save>` (src/scripts/offline-save.ts). */
export const offlineStringKeys = [
  'offline.save',
  'offline.saveSize',
  'offline.saved',
  'offline.updating',
  'offline.saving',
  'offline.progress',
  'offline.failed',
  'offline.failedOffline',
  'offline.removed',
] as const satisfies readonly Key[];

/** The marks of the contents (src/scripts/reading-progress.ts). */
export const progressStringKeys = [
  'work.read',
  'work.new',
  'work.continueAt',
  'work.continueAtPlace',
  'work.continueGone',
  'work.upToDate',
  'work.finished',
] as const satisfies readonly Key[];
