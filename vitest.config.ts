import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    include: ["app/**/*.test.ts", "tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    // The English texts, as the server has them (the browser loads them only for English pages).
    setupFiles: ["app/i18n/catalogs.server.ts"],
    pool: "forks",
    // PGlite finds its extension bundles next to its own files: load it untransformed.
    server: { deps: { external: [/@electric-sql\/pglite/] } },
    // Each worker holds a PGlite (~300 MB); two keep the 2-core machines busy without swapping.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
