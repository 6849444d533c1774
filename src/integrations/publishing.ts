import type { AstroIntegration } from 'astro';

/**
 * Tells the model whether it runs in `astro dev`, where drafts show (src/lib/story/publishing.ts),
 * as `import.meta.env.DEV_SERVER`. Vite's own `import.meta.env.DEV` cannot tell: it follows
 * NODE_ENV, so a shell with NODE_ENV=development (or a test runner's `test`) would publish drafts
 * from `npm run build`. Astro's command is what says which this is.
 */
export function devServerFlag(): AstroIntegration {
  return {
    name: 'fiction-reader:publishing',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({
          vite: { define: { 'import.meta.env.DEV_SERVER': JSON.stringify(command === 'dev') } },
        });
      },
    },
  };
}
