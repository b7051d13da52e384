// Files that outlive a refused form. A browser cannot be handed a file back, so when a form is
// refused for some other field (a missing reason, a stale version), the files it carried are
// kept here for the person who sent them and named in the re-shown form by a token; sent again,
// the form gets them back as if just chosen. Nobody types a testimony twice, nobody walks back
// to the village for a photo twice.
import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray, lt, notInArray } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { heldUploads } from "~/db/schema";
import type { Actor } from "~/lib/policy";
import { sniffFile, type FileProblem } from "~/lib/uploads.server";

/** The form field that carries the tokens of held files back. */
export const HELD_FIELD = "_held";
// Held files wait a day: long enough to fetch a missing signature, short enough not to pile up.
const KEPT_MS = 24 * 3600_000;
// One person's held files at most; the oldest go first. A form carries a few dozen at most.
const MAX_PER_PERSON = 40;
const TOKEN = /^[A-Za-z0-9_-]{22}$/;

export type HeldFile = { token: string; field: string; filename: string; size: number };
export type Accept = { types: readonly string[]; label: string };

export type Held = {
  /** The files restored into the form, with their tokens. */
  restored: HeldFile[];
  /**
   * The form was refused: keep every file it carries in `fields` (restored ones as they are,
   * new ones once their bytes pass `accept`), and say why the others were not kept.
   */
  keep(fields: readonly string[], accept: (field: string) => Accept, maxBytes: number): Promise<{ kept: HeldFile[]; problems: Record<string, FileProblem> }>;
  /** The form went through: the restored files now live where it put them. */
  release(): Promise<void>;
};

/**
 * Put the files this person's form names by token back into it, under their own fields, and
 * return the handle that keeps or releases them. Tokens of someone else's files are ignored.
 */
export async function restoreHeld(db: Db, actor: Actor, form: FormData): Promise<Held> {
  const userId = actor.kind === "user" ? actor.id : null;
  const tokens = form
    .getAll(HELD_FIELD)
    .filter((v): v is string => typeof v === "string" && TOKEN.test(v))
    .slice(0, MAX_PER_PERSON);
  form.delete(HELD_FIELD);
  const rows =
    userId !== null && tokens.length
      ? await db.select().from(heldUploads).where(and(eq(heldUploads.userId, userId), inArray(heldUploads.token, tokens)))
      : [];
  const byFile = new Map<File, HeldFile>();
  const restored: HeldFile[] = [];
  for (const r of rows) {
    const meta = { token: r.token, field: r.field, filename: r.filename, size: r.size };
    // Chosen again as well (with JavaScript the input may still hold it): stored once, as chosen.
    const chosenAgain = form.getAll(r.field).some((v) => typeof v !== "string" && v.name === r.filename && v.size === r.size);
    restored.push(meta);
    if (chosenAgain) continue;
    const file = new File([r.data as Uint8Array<ArrayBuffer>], r.filename, { type: r.mime });
    form.append(r.field, file);
    byFile.set(file, meta);
  }

  return {
    restored,
    async keep(fields, accept, maxBytes) {
      const kept: HeldFile[] = [];
      const problems: Record<string, FileProblem> = {};
      if (userId === null) return { kept, problems };
      for (const field of fields) {
        for (const v of form.getAll(field)) {
          if (typeof v === "string" || v.size === 0) continue;
          const again = byFile.get(v);
          if (again) {
            kept.push(again);
            continue;
          }
          const { types, label } = accept(field);
          const checked = await sniffFile(v, types, label, maxBytes);
          if (!checked.ok) {
            problems[field] = checked.problem;
            continue;
          }
          const token = randomBytes(16).toString("base64url");
          const f = checked.file;
          await db.insert(heldUploads).values({ token, userId, field, filename: f.filename, mime: f.mime, size: f.bytes.byteLength, data: f.bytes });
          kept.push({ token, field, filename: f.filename, size: f.bytes.byteLength });
        }
      }
      await tidy(db, userId);
      return { kept, problems };
    },
    async release() {
      if (userId === null || !restored.length) return;
      await db.delete(heldUploads).where(and(eq(heldUploads.userId, userId), inArray(heldUploads.token, restored.map((h) => h.token))));
    },
  };
}

// Anyone's files older than a day, and this person's beyond the newest few dozen.
async function tidy(db: Db, userId: number) {
  await db.delete(heldUploads).where(lt(heldUploads.createdAt, new Date(Date.now() - KEPT_MS)));
  const newest = db.select({ id: heldUploads.id }).from(heldUploads).where(eq(heldUploads.userId, userId)).orderBy(desc(heldUploads.id)).limit(MAX_PER_PERSON);
  await db.delete(heldUploads).where(and(eq(heldUploads.userId, userId), notInArray(heldUploads.id, newest)));
}
