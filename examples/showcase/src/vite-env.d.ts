/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The CMS's GraphQL endpoint, e.g. http://127.0.0.1:1337/graphql; vite.config.ts refuses to build without it. */
  readonly VITE_CASEBOOK_ENDPOINT: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
