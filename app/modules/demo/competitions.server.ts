// The demo's competition: an edition with registration open on the day the demo is loaded
// (closing in six weeks), so a newcomer can see a live call with its countdown and enter a
// proposal. Its later stages keep the preset's rhythm.
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { competitions, users } from "~/db/schema";
import type { Actor } from "~/lib/policy";
import { withRegistrationClosingIn } from "~/modules/competitions/config-values";
import { invitationCandidates, inviteToGroup } from "~/modules/competitions/invitations.server";
import { competitionBySlug } from "~/modules/competitions/queries.server";
import { preset } from "~/modules/competitions/presets";

const DAY = 86_400_000;

// The edition is named for the year its registration closes.
const openEdition = (now: Date) => new Date(now.getTime() + 45 * DAY).getUTCFullYear();

export async function seedDemoCompetitions(db: Db, now = new Date()) {
  const edition = openEdition(now);
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

/**
 * The open edition's special group: the two longest-running earlier winners are invited, through
 * the real use case (their agencies' people, if any, are told). Run after the earlier editions.
 */
export async function seedDemoInvitations(db: Db, adminId: number, now: Date, publicUrl: string) {
  const edition = await competitionBySlug(db, `kipp-${openEdition(now)}`);
  const [admin] = await db.select().from(users).where(eq(users.id, adminId));
  if (!edition || !admin) return;
  const chosen = (await invitationCandidates(db, edition, 5, now)).slice(0, 2);
  if (!chosen.length) return;
  const actor: Actor = { kind: "user", id: admin.id, name: admin.name, email: admin.email, role: "national_admin", agencyId: null, unitId: null };
  await inviteToGroup(db, actor, edition, { groupCode: "khusus", innovationIds: chosen.map((c) => c.innovationId) }, { publicUrl, now });
}
