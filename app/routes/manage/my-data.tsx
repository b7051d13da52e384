// /kelola/akun/data.json: one's own personal data as a JSON file (my-data.server.ts).
import type { Route } from "./+types/my-data";
import { requireUser, services } from "~/lib/context.server";
import { page } from "~/lib/respond.server";
import { myData } from "~/modules/accounts/my-data.server";

export const loader = page(async ({ context }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  const body = JSON.stringify(await myData(services(context).db, actor), null, 2);
  return new Response(body, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="lumbung-data-saya-${new Date().toISOString().slice(0, 10)}.json"`,
      // Personal data: never kept by a shared cache, nor by the browser's.
      "cache-control": "private, no-store",
    },
  });
});
