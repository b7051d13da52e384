import type { Db } from "~/db/client.server";

// Placeholder: filled with the source articles' innovations and generated ones.
export async function seedDemoContent(_db: Db, _opts: { generated: number }) {
  return {
    innovations: 0,
    loginAgencies: {} as Record<string, string>,
    loginNames: {} as Record<string, string>,
    loginUnits: {} as Record<string, number>,
  };
}
