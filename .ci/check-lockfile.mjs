// Usage: node .ci/check-lockfile.mjs <lockfile before `npm install`>
//
// What `npm ci` would guard, on a registry that fills in over time: `npm install` installed
// exactly what the lockfile locks. Fails if it changed or dropped a locked package, or installed
// one the lockfile lacks. Passes if the only change is optional packages for other platforms
// (macOS, Windows, ...) that the registry did not offer when the lockfile was written: npm adds
// them to the lockfile, but installs none of them here. Runs on the system Node (plain ESM).
import { existsSync, readFileSync } from 'node:fs';

const [lockedPath] = process.argv.slice(2);
const locked = JSON.parse(readFileSync(lockedPath, 'utf8')).packages;
const installed = JSON.parse(readFileSync('package-lock.json', 'utf8')).packages;

const problems = [];
const laterOptional = [];
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

if (!same(locked['']?.dependencies, installed['']?.dependencies))
  problems.push('the dependencies in package.json differ from the lockfile');
if (!same(locked['']?.devDependencies, installed['']?.devDependencies))
  problems.push('the devDependencies in package.json differ from the lockfile');

for (const [path, entry] of Object.entries(locked)) {
  if (path === '') continue;
  const now = installed[path];
  if (!now) problems.push(`${path} was dropped`);
  else if (now.version !== entry.version || now.integrity !== entry.integrity)
    problems.push(`${path} changed from ${entry.version} to ${now.version}`);
}
for (const [path, entry] of Object.entries(installed)) {
  if (locked[path]) continue;
  if (entry.optional && !existsSync(path)) laterOptional.push(path);
  else problems.push(`${path}@${entry.version} was installed but is not in the lockfile`);
}

if (problems.length > 0) {
  console.error(`package-lock.json is out of date:\n  ${problems.join('\n  ')}`);
  console.error('Run `npm install`, check the result, and commit package-lock.json.');
  process.exit(1);
}
if (laterOptional.length > 0)
  console.log(
    `lockfile ok; the registry now also offers ${laterOptional.length} optional packages ` +
      'for other platforms (none installed here); `npm install` on a dev machine records them',
  );
else console.log('lockfile ok: installed exactly what it locks');
