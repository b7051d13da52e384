import { reactRouter } from "@react-router/dev/vite";
import { defineConfig, type Plugin } from "vite";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import routerConfig from "./react-router.config";

// The browser's files (scripts, styles, icons, the route manifest) are compressed once, when
// built: brotli and gzip copies beside each, which the server sends to a browser that accepts
// them (server/app.ts). A phone on a slow connection then loads about a quarter of the bytes,
// and the server spends nothing compressing them per request. It runs when the server's build
// ends, the last of the build: React Router writes the route manifest during that build.
function precompressAssets(): Plugin {
  const clientDir = path.resolve(import.meta.dirname, routerConfig.buildDirectory!, "client");
  return {
    name: "lumbung-precompress",
    apply: "build",
    applyToEnvironment: (environment) => environment.name === "ssr",
    closeBundle() {
      for (const entry of fs.readdirSync(clientDir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !/\.(js|css|svg|json|txt|map)$/.test(entry.name)) continue;
        const file = path.join(entry.parentPath, entry.name);
        const source = fs.readFileSync(file);
        if (source.length < 1024) continue;
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(source, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(source, { level: 9 }));
      }
    },
  };
}

// The server bundle is the whole Hono app (server/app.ts), as in React Router's custom-server
// template: one copy of every module, so the database handle and context keys are shared.
export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  build: { target: "es2022" },
  environments: {
    ssr: {
      build: { rollupOptions: { input: "./server/app.ts" } },
      resolve: { external: ["@electric-sql/pglite", "pg", "@node-rs/argon2"] },
    },
  },
  plugins: [reactRouter(), precompressAssets()],
});
