import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { root } from '../support/sites.ts';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown> & { schedule?: { cron: string }[] };
  permissions: Record<string, string>;
  jobs: Record<string, { needs?: string; steps: Step[]; environment?: { name: string } }>;
}

const workflowFile = path.join(root, '.github/workflows/deploy.yml');
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

describe('the GitHub Pages workflow', () => {
  // `parse` throws on invalid YAML, with the line: the first check is that it parses at all.
  const workflow = parse(readFileSync(workflowFile, 'utf8'), { strict: true }) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  test('runs on every push to main, once a day for scheduled chapters, and by hand', () => {
    expect(workflow.on).toMatchObject({ push: { branches: ['main'] } });
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    const [daily] = workflow.on.schedule ?? [];
    // minute hour day month weekday: every day of every month.
    expect(daily?.cron).toMatch(/^\d{1,2} \d{1,2} \* \* \*$/);
  });

  test('every command it runs exists: npm scripts are in package.json, installs are locked', () => {
    const commands = steps.flatMap((step) => (step.run ?? '').split('\n')).filter(Boolean);
    expect(commands.length).toBeGreaterThan(1);
    for (const command of commands) {
      const script = /^npm run (\S+)/.exec(command)?.[1];
      if (script) expect(packageJson.scripts, command).toHaveProperty(script);
      else expect(command, 'only npm ci and npm run … are expected').toMatch(/^npm ci\b/);
    }
    expect(commands).toContain('npm run build');
  });

  test('builds with the Pages address as SITE_URL, so a project site lives under /<repo>/', () => {
    const pages = steps.find((step) => step.uses?.startsWith('actions/configure-pages@'));
    const build = steps.find((step) => step.run === 'npm run build');
    expect(pages?.id).toBeTruthy();
    expect(build?.env?.['SITE_URL']).toContain(`steps.${pages?.id}.outputs.base_url`);
    const uploadIndex = steps.findIndex((s) =>
      s.uses?.startsWith('actions/upload-pages-artifact@'),
    );
    expect(uploadIndex).toBeGreaterThan(steps.indexOf(build!));
    expect(steps[uploadIndex]?.with?.['path']).toBe('dist');
  });

  test('deploys with the official Pages actions, in the github-pages environment', () => {
    const used = steps.map((step) => step.uses).filter(Boolean);
    for (const action of [
      'actions/checkout',
      'actions/setup-node',
      'actions/configure-pages',
      'actions/upload-pages-artifact',
      'actions/deploy-pages',
    ])
      expect(used.some((uses) => uses?.startsWith(`${action}@v`))).toBe(true);
    const deploy = Object.values(workflow.jobs).find((job) =>
      job.steps.some((step) => step.uses?.startsWith('actions/deploy-pages@')),
    );
    expect(deploy?.needs).toBe('build');
    expect(deploy?.environment?.name).toBe('github-pages');
    expect(workflow.permissions).toEqual({ contents: 'read', pages: 'write', 'id-token': 'write' });
  });

  test("keeps Astro's resized pictures and the build cache from one deploy to the next, restored after the install", () => {
    const install = steps.findIndex((step) => step.run?.startsWith('npm ci'));
    const cache = steps.findIndex((step) => step.uses?.startsWith('actions/cache@v'));
    expect(cache).toBeGreaterThan(install);
    expect(cache).toBeLessThan(steps.findIndex((step) => step.run === 'npm run build'));
    expect(String(steps[cache]?.with?.['path']).trim().split('\n')).toEqual([
      'node_modules/.astro/assets',
      'node_modules/.astro/epub-pictures',
      'node_modules/.astro/fiction-reader',
    ]);
    expect(String(steps[cache]?.with?.['restore-keys'])).toBe(
      String(steps[cache]?.with?.['key']).replace(/\$\{\{.*\}\}$/, ''),
    );
  });

  test('sets up a Node that the project supports', () => {
    const node = steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    const wanted = Number(node?.with?.['node-version']);
    const engines = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).engines.node;
    expect(wanted).toBeGreaterThanOrEqual(Number(/>=(\d+)/.exec(engines)?.[1]));
  });
});
