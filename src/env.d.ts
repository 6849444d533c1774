interface ImportMetaEnv {
  /** True in `astro dev` only (src/integrations/publishing.ts). */
  readonly DEV_SERVER?: boolean;
}
