import { ensureSite, sites, type SiteName } from "./sites.ts";

/** Builds every test site once before the build and browser tiers run. */
export default function setup() {
  for (const name of Object.keys(sites) as SiteName[]) ensureSite(name);
}
