// What the page's script and the autosave endpoint (autosave-endpoint.server.ts) share.

export const AUTOSAVE_PATH = "/kelola/proposal/:id/simpan-otomatis";
export const autosavePath = (proposalId: number) => AUTOSAVE_PATH.replace(":id", String(proposalId));

export type Conflict = { code: string; theirs: string; version: number; mine: string };

/** The new version of the section, or (409) the other person's text beside the sender's. */
export type AutosaveReply = { saved: { code: string; version: number }[]; conflicts: Conflict[] };
