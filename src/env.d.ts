interface ImportMetaEnv {
  /** True in `astro dev` only, on the server and in client scripts (src/integrations/publishing.ts). */
  readonly DEV_SERVER?: boolean;
}
