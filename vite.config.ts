import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";
import path from "node:path";

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
  plugins: [reactRouter()],
});
