import { existsSync } from 'node:fs';
import { availableSites, ensureSite, sites } from './sites.ts';

/**
 * Builds every test site once before the build and browser tiers run. On a user's machine the
 * public-domain corpora beside the project may be missing, and their tests are left out; under
 * CI (`CI=true`, as .ci/run sets) they must be there: a missing corpus fails the run instead of
 * silently skipping the tests of every word of four books.
 */
export default function setup() {
  if (process.env['CI'] === 'true' && !existsSync(sites.corpora))
    throw new Error(
      `CI=true, but the corpora are missing at ${sites.corpora}: CI checks out ../shared beside the project. Run without CI=true to leave their tests out.`,
    );
  for (const name of availableSites) ensureSite(name);
}
