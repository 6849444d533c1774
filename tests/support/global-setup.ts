import { availableSites, ensureSite } from './sites.ts';

/** Builds every test site once before the build and browser tiers run. */
export default function setup() {
  for (const name of availableSites) ensureSite(name);
}
