// The autosave's own endpoint: POST /kelola/proposal/:id/simpan-otomatis, answered in JSON.
//
// It is the commonest request of the deadline rush (2,000 people writing make about 200 a
// second, PROGRAMME.md's closing days), and nothing of a page is needed to answer it: so the
// server answers it before the page router, with the same session, CSRF check and use case the
// page's own save goes through. Through the router it cost about three times the CPU (route
// matching, the middleware chain, the form parsed twice, the reply's encoding), which on a
// 2-core server is the difference between keeping up with the rush and falling behind it
// (bench/deadline.ts). Only the script of the proposal page calls it; without JavaScript the
// page's form saves every section at once, through the page's action.
import { isForged, owesTwoStep, whoAsks } from "~/lib/request.server";
import { errorBody, json } from "~/lib/respond.server";
import { AppError } from "~/lib/errors";
import { idOf, versionOf } from "~/lib/forms";
import type { Services } from "~/lib/context.server";
import { autosaveSection } from "./save-proposal.server";
import type { AutosaveReply } from "./autosave";

export { AUTOSAVE_PATH } from "./autosave";

export async function autosaveEndpoint(request: Request, { db, env }: Pick<Services, "db" | "env">, idParam: string | undefined): Promise<Response> {
  const asker = await whoAsks(db, request);
  const fail = (e: AppError) => json(errorBody(e, asker.locale), e.status);
  const form = await request.formData().catch(() => null);
  if (!form) return fail(new AppError("invalid", "errors.invalid"));
  if (isForged(request, env, form, asker)) return fail(new AppError("forbidden", "errors.csrf"));
  const actor = asker.session?.actor;
  if (!actor) return fail(new AppError("unauthenticated", "errors.unauthenticated"));
  // As for every other request of the work area (request.server.ts).
  if (owesTwoStep(asker.session, env)) return fail(new AppError("forbidden", "accounts.twoStep.errors.required"));
  const id = idOf(idParam ?? "");
  if (!id) return fail(new AppError("not-found", "errors.notFound"));
  // PostgreSQL text cannot hold NUL; a pasted one is dropped, as the page's own save does.
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v.replace(/\u0000/g, "") : "";
  };
  try {
    const result = await autosaveSection(db, actor, id, {
      code: text("code"),
      body: text("body"),
      version: versionOf(text("version")),
    });
    const reply: AutosaveReply = { saved: result.saved, conflicts: result.conflicts };
    return json(reply, result.conflicts.length ? 409 : 200, { "cache-control": "no-store" });
  } catch (e) {
    if (e instanceof AppError) return fail(e);
    throw e;
  }
}
