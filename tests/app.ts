// Drive the real built server (build/server/index.js) in-process through fetch, with a cookie
// jar and the CSRF token handled the way a browser form would.
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Database } from "../app/db/client.server";
import { buildDirName } from "../scripts/build-dir.mjs";

const buildPath = path.resolve(import.meta.dirname, "..", buildDirName(), "server/index.js");

type Jobs = { send: (queue: "similarity" | "mail", data: Record<string, unknown>) => Promise<void>; stop: () => Promise<void> };
type Build = {
  createServerApp: (o: { database: Database; jobs: Jobs; env: unknown; staticRoot?: string }) => { fetch: (r: Request) => Promise<Response> };
  parseEnv: (s: Record<string, string | undefined>) => { publicUrl: string; mail: unknown };
  startJobs: (database: Database, queues: unknown, opts?: { pollSeconds?: number }) => Promise<Jobs>;
  createQueues: (database: Database, queues: unknown) => Promise<void>;
  lumbungQueues: (db: Database["db"], opts: { publicUrl: string; mail: unknown }) => unknown;
  sendMailOnNotice: (database: Database, jobs: Jobs, mail: unknown) => Promise<() => Promise<void>>;
};

export async function loadBuild(): Promise<Build> {
  return (await import(pathToFileURL(buildPath).href)) as Build;
}

export const BASE = "http://localhost:3000";

export class Client {
  cookies = new Map<string, string>();
  constructor(private app: { fetch: (r: Request) => Promise<Response> }) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private absorb(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(";");
      const [name, ...rest] = pair.split("=");
      const value = rest.join("=");
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim()));
      if (expired || value === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
  }

  async request(method: string, p: string, body?: FormData | URLSearchParams, headers: Record<string, string> = {}) {
    const res = await this.app.fetch(
      new Request(new URL(p, BASE), {
        method,
        body,
        redirect: "manual",
        headers: { cookie: this.cookieHeader(), ...headers },
      }),
    );
    this.absorb(res);
    return res;
  }

  get(p: string, headers: Record<string, string> = {}) {
    return this.request("GET", p, undefined, headers);
  }

  async csrf(): Promise<string> {
    if (!this.cookies.get("lumbung_csrf")) await this.get("/masuk");
    return this.cookies.get("lumbung_csrf")!;
  }

  /** Post a form as a browser would, with the CSRF token. */
  async post(p: string, fields: Record<string, string | string[] | Blob> | FormData = {}) {
    const form = fields instanceof FormData ? fields : new FormData();
    if (!(fields instanceof FormData)) {
      for (const [k, v] of Object.entries(fields)) {
        if (Array.isArray(v)) v.forEach((x) => form.append(k, x));
        else form.append(k, v);
      }
    }
    if (!form.has("_csrf")) form.set("_csrf", await this.csrf());
    return this.request("POST", p, form);
  }

  /**
   * Post the sign-in form from a client address (behind a proxy LUMBUNG_TRUSTED_PROXIES trusts),
   * with any other headers a browser sends (its User-Agent); the answer as it came.
   */
  async signInFrom(ip: string, email: string, password: string, headers: Record<string, string> = {}) {
    const form = new FormData();
    form.set("email", email);
    form.set("password", password);
    form.set("_csrf", await this.csrf());
    return this.request("POST", "/masuk", form, { "x-forwarded-for": ip, ...headers });
  }

  async login(email: string, password: string) {
    const res = await this.post("/masuk", { email, password });
    if (res.status !== 302) throw new Error(`login failed for ${email}: ${res.status}`);
    return res;
  }
}

export async function testClient(database: Database, envOverrides: Record<string, string> = {}) {
  const build = await loadBuild();
  const env = build.parseEnv({ NODE_ENV: "test", LUMBUNG_DEMO: "false", ...envOverrides });
  // The background queues are worked here too, as in a server process, and stopped before the
  // database closes.
  await build.createQueues(database, build.lumbungQueues(database.db, env));
  const jobs = await build.startJobs(database, build.lumbungQueues(database.db, env), { pollSeconds: 0.5 });
  const stopMail = await build.sendMailOnNotice(database, jobs, env.mail);
  const close = database.close;
  database.close = async () => {
    await stopMail();
    await jobs.stop();
    await close();
  };
  // The browser's files too, from the build's client folder, as `npm start` serves them.
  const staticRoot = path.relative(process.cwd(), path.join(path.dirname(buildPath), "..", "client"));
  const app = build.createServerApp({ database, jobs, env, staticRoot });
  return { client: new Client(app), app, newClient: () => new Client(app), jobs };
}

/** A page's text without the comments React puts between adjacent text parts. */
export const pageText = async (res: Response) => (await res.text()).replace(/<!-- -->/g, "");

/**
 * The scripts a page has the browser load (its module imports and preloads), each with its
 * text: to check what a public page sends a phone, such as no validation library.
 */
export async function pageScripts(client: Client, path: string): Promise<{ src: string; text: string }[]> {
  const html = await (await client.get(path)).text();
  const sources = [...new Set([...html.matchAll(/"(\/assets\/[\w.-]+\.js)"/g)].map((m) => m[1]))];
  return Promise.all(sources.map(async (src) => ({ src, text: await (await client.get(src)).text() })));
}
