// /kelola/unit/contoh-unit.csv: a sample of the units import, its header and two rows, to fill
// in with a spreadsheet. For whoever may import units: Admin Lokal and the secretariat.
import type { Route } from "./+types/units-sample";
import { requireUser } from "~/lib/context.server";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { toCsv } from "~/lib/csv";
import { UNIT_SAMPLE } from "~/modules/agencies/import-csv.server";

export const loader = page(async ({ context }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  // Admin Lokal manages its own agency's units; the secretariat any agency's.
  assertCan(actor, "agency.manage", { agencyId: actor.agencyId ?? -1 });
  return new Response(toCsv(UNIT_SAMPLE.header, UNIT_SAMPLE.rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="contoh-unit.csv"',
    },
  });
});
