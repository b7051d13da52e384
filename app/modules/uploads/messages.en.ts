// The English side of messages.ts: the same keys, checked by type.
import type { Translation } from "~/i18n/define";
import type { uploadMessages } from "./messages";

export const uploadMessagesEn: Translation<typeof uploadMessages> = {
  "uploads.held.legend": "Files you already chose",
  "uploads.held.hint": "The form was not sent, but these files are kept and will go with it. Untick one to leave it out.",
  "uploads.held.file": "{name} ({kb} kB)",
};
