import type { Config } from "@react-router/dev/config";
import { buildDirName } from "./scripts/build-dir.mjs";

export default {
  ssr: true,
  // Separate build folders let several checkouts' test runs share one machine.
  buildDirectory: buildDirName(),
  // The whole route manifest is one file the browser loads once and keeps (it is fingerprinted),
  // instead of a partial manifest written into every page and a request to the server for each
  // new path a link leads to: fewer round trips on a slow line, and no per-page work on the
  // server (matching the path's every ancestor against all the routes, measured at about a
  // millisecond a page).
  routeDiscovery: { mode: "initial" },
  // v8 future flags on now, so the move to React Router 8 is small.
  future: {
    v8_middleware: true,
    v8_splitRouteModules: true,
    v8_viteEnvironmentApi: true,
    v8_passThroughRequests: true,
    v8_trailingSlashAwareDataRequests: true,
  },
} satisfies Config;
