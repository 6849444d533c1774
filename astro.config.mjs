// @ts-check
import { unified } from '@astrojs/markdown-remark';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';
import { contentValidation } from './src/integrations/content-validation.ts';
import { searchIndex } from './src/integrations/search-index.ts';
import { markdownOptions } from './src/lib/markup/index.ts';
import { sharedPrimaryLanguage } from './src/lib/story/languages.ts';
import { resolveContentDir } from './src/lib/story/layout.ts';

const contentDir = resolveContentDir();

export default defineConfig({
  // The public address of the site, used for canonical URLs and feeds (SITE_URL at build time).
  site: process.env.SITE_URL || 'http://localhost:4321',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    syntaxHighlight: false,
    processor: unified(markdownOptions),
  },
  integrations: [
    contentValidation(contentDir),
    searchIndex({ language: sharedPrimaryLanguage(contentDir) }),
  ],
  vite: {
    plugins: [tailwindcss()],
  },
});
