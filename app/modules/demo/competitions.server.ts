// The demo's competition: an edition with registration open on the day the demo is loaded
// (closing in six weeks), so a newcomer can see a live call with its countdown and enter a
// proposal. Its later stages keep the preset's rhythm.
import type { Db } from "~/db/client.server";
import { competitions } from "~/db/schema";
import { withRegistrationClosingIn } from "~/modules/competitions/config";
import { preset } from "~/modules/competitions/presets";

const DAY = 86_400_000;

export async function seedDemoCompetitions(db: Db, now = new Date()) {
  // The edition is named for the year its registration closes.
  const edition = new Date(now.getTime() + 45 * DAY).getUTCFullYear();
  const draft = preset("kipp-2023-umum", edition);
  await db.insert(competitions).values({
    slug: `kipp-${edition}`,
    edition,
    ...draft,
    config: withRegistrationClosingIn(draft.config, now, 45),
    legalBasis: "Peraturan Menteri PANRB tentang Kompetisi Inovasi Pelayanan Publik (contoh)",
    state: "announced",
    announcedAt: new Date(now.getTime() - 30 * DAY),
  });
}
