import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  // Separate build folders let several checkouts' test runs share one machine.
  buildDirectory: process.env.LUMBUNG_BUILD_DIR ?? "build",
  // v8 future flags on now, so the move to React Router 8 is small.
  future: {
    v8_middleware: true,
    v8_splitRouteModules: true,
    v8_viteEnvironmentApi: true,
    v8_passThroughRequests: true,
    v8_trailingSlashAwareDataRequests: true,
  },
} satisfies Config;
