import type { AstroIntegration } from 'astro';
import { formatProblem, validateContent } from '../lib/story/validate.ts';

/**
 * Fails `astro build` on any content problem before a page is generated. Astro itself only
 * logs a remark plugin's failure and builds the page with an empty body (exit code 0), so the
 * build runs the same checks as `npm run check` first. In `astro dev` problems are logged.
 */
export function contentValidation(contentDir: string): AstroIntegration {
  return {
    name: 'fiction-reader:content-validation',
    hooks: {
      'astro:config:setup': async ({ command, logger }) => {
        const problems = await validateContent(contentDir);
        for (const p of problems) logger.error(formatProblem(p));
        if (problems.length > 0 && command === 'build') {
          const error = new Error(
            `${problems.length} content problem${problems.length > 1 ? 's' : ''} (listed above). Fix them and build again; \`npm run check\` checks content without building.`,
          );
          error.stack = error.message; // the list above is the useful part, not our stack
          throw error;
        }
      },
    },
  };
}
