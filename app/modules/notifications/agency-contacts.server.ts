// Whom an agency is told through. PROGRAMME.md: Admin Lokal, named by an official letter, is the
// agency's voice to the secretariat, so notices meant for the agency go to its Admin Lokal;
// an agency without one (not yet named, or switched off) is told through its unit operators, so
// that the notice still lands somewhere. Switched-off accounts are never told.
import { and, asc, eq, inArray, isNull, type SQLWrapper } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies, users } from "~/db/schema";

export type AgencyContact = { id: number; email: string; name: string; agencyId: number; agencyName: string };

/** Each agency's contacts, by agency id; an agency with nobody to tell is absent. */
export async function agencyContacts(db: DbOrTx, agencyIds: readonly number[] | SQLWrapper): Promise<Map<number, AgencyContact[]>> {
  if (Array.isArray(agencyIds) && !agencyIds.length) return new Map();
  const staff = await db
    .select({ id: users.id, email: users.email, name: users.name, agencyId: agencies.id, agencyName: agencies.name, role: users.role })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(inArray(users.agencyId, agencyIds as number[]), inArray(users.role, ["agency_admin", "unit_operator"]), isNull(users.disabledAt)))
    .orderBy(asc(agencies.name), asc(users.name), asc(users.id));
  const byAgency = new Map<number, typeof staff>();
  for (const s of staff) byAgency.set(s.agencyId, [...(byAgency.get(s.agencyId) ?? []), s]);
  const contacts = new Map<number, AgencyContact[]>();
  for (const [agencyId, members] of byAgency) {
    const admins = members.filter((m) => m.role === "agency_admin");
    contacts.set(agencyId, (admins.length ? admins : members).map(({ role: _role, ...c }) => c));
  }
  return contacts;
}
