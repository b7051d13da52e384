// Stub: not built yet.
import { data } from "react-router";

export function loader() {
  throw data({ error: { code: "not-found", reason: "errors.notFound" } }, { status: 404 });
}

export default function Stub() {
  return null;
}
