// Stub: not built yet.
import { json } from "~/lib/respond.server";

export function loader() {
  return json({ error: { code: "not-found", reason: "errors.notFound", message: "Not found" } }, 404);
}
