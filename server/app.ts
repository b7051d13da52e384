// The whole server: Hono in front (security headers, static assets, body limits), React Router
// behind it. Built by Vite into build/server/index.js together with the app, so there is one
// copy of every module. scripts/start.mjs (and the tests) call createServerApp.
import { Hono } from "hono";
import { secureHeaders, NONCE } from "hono/secure-headers";
import { clientAddress } from "~/lib/client-address";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { serveStatic } from "@hono/node-server/serve-static";
import { getConnInfo } from "@hono/node-server/conninfo";
import { createRequestHandler, RouterContextProvider } from "react-router";
import type { Database } from "~/db/client.server";
import type { Jobs } from "~/db/jobs.server";
import type { Env } from "~/lib/env.server";
import { servicesContext } from "~/lib/context.server";
import { tooLargeResponse } from "~/lib/too-large.server";
// Pages in either language, mail in both: the server holds the English texts too.
import "~/i18n/catalogs.server";
import { AUTOSAVE_PATH, autosaveEndpoint } from "~/modules/proposals/autosave-endpoint.server";
// The virtual module exists only inside the Vite build.
import * as serverBuild from "virtual:react-router/server-build";

export { parseEnv } from "~/lib/env.server";
export { openDatabase, migrate, openPglite, openPostgres, openPgliteFromDump } from "~/db/client.server";
export { createQueues, startJobs } from "~/db/jobs.server";
export { lumbungQueues, sendMailOnNotice } from "~/jobs.server";
export { seedDemo, seedReference } from "~/modules/demo/seed.server";
export { seedObjectionWindow } from "~/modules/demo/objection-window.server";
export { seedFieldVerification } from "~/modules/demo/field-verification.server";

export type ServerOptions = { database: Database; jobs: Pick<Jobs, "send">; env: Env; staticRoot?: string };

export function createServerApp({ database, jobs, env, staticRoot }: ServerOptions) {
  // The build is handed over as a module, not as a function returning it: given a function,
  // React Router rebuilds its route table on every request (meant for development reloads),
  // 14% of the server's CPU under load. This file is itself the server build, so the build
  // never changes while it runs.
  // Always React Router's production mode: in development mode an unexpected error's message and
  // stack (with the server's file paths) go to the visitor, and a public demo runs with
  // NODE_ENV unset (LUMBUNG_DEMO is refused in production). The stack goes to the server's log.
  const handler = createRequestHandler(serverBuild, "production");

  const app = new Hono<{ Variables: { secureHeadersNonce?: string; receivedAt: Date } }>();

  // The instant a request arrived, taken first: a proposal sent before the deadline counts as
  // sent then, however long it waits behind others at the deadline rush.
  app.use(async (c, next) => {
    c.set("receivedAt", new Date());
    await next();
  });

  app.use(
    secureHeaders({
      // A response that brings its own header keeps it: a stored file is served with a stricter
      // Content-Security-Policy ("sandbox", no scripts), and a published innovation's photo
      // with Cross-Origin-Resource-Policy: cross-origin so that other sites may show it
      // (app/lib/uploads.server.ts). Everything else gets the headers below.
      overwrite: false,
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", NONCE],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: env.publicUrl.startsWith("https://")
        ? "max-age=63072000; includeSubDomains"
        : false,
      referrerPolicy: "strict-origin-when-cross-origin",
      crossOriginEmbedderPolicy: false,
      permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
    }),
  );

  // Several evidence files per form, each within MAX_UPLOAD_MB.
  app.use("*", bodyLimit({ maxSize: env.maxUploadBytes * 6, onError: (c) => tooLargeResponse(c.req.raw, env.maxUploadBytes * 6) }));

  if (staticRoot) {
    // Built files have their content's hash in their name: a browser keeps them for good. Set
    // on the file's answer itself (serveStatic's onFound comes too late to add a header), and
    // never on the page a missing file falls through to.
    app.use("/assets/*", async (c, next) => {
      await next();
      if (c.res.status === 200 && c.res.headers.has("last-modified")) c.res.headers.set("cache-control", "public, max-age=31536000, immutable");
    });
    // The brotli or gzip copy made at build time (vite.config.ts), when the browser takes it.
    app.use("/assets/*", serveStatic({ root: staticRoot, precompressed: true }));
    app.use("/favicon.svg", serveStatic({ root: staticRoot }));
  }

  // Pages, API answers and downloads are compressed for a browser that accepts it (a page is a
  // few kilobytes instead of tens on a phone's slow connection). Compressed pages carry the
  // CSRF token masked afresh each time (maskToken), so that the compressed size of a page gives
  // nothing away about it (BREACH).
  app.use(compress());

  // The autosave, answered before the page router (see the module for why).
  app.post(AUTOSAVE_PATH, (c) => autosaveEndpoint(c.req.raw, { db: database.db, env }, c.req.param("id")));

  app.all("*", async (c) => {
    const context = new RouterContextProvider();
    let peer: string | undefined;
    try {
      peer = getConnInfo(c).remote.address;
    } catch {
      // Not a node socket (tests call app.fetch directly).
    }
    const clientIp = clientAddress(peer, c.req.header("x-forwarded-for"), env.trustedProxies);
    context.set(servicesContext, {
      db: database.db,
      publicDb: database.publicDb,
      jobs,
      env,
      nonce: c.get("secureHeadersNonce") ?? "",
      clientIp,
      receivedAt: c.get("receivedAt") ?? new Date(),
    });
    return handler(c.req.raw, context);
  });

  return app;
}
export { DEMO_LOGINS, DEMO_PASSWORD } from "~/modules/demo/demo-logins";
