// Message catalogs: Bahasa Indonesia first, English second. Each capability keeps its own
// catalog beside its code (app/modules/*/messages.ts); this file joins them. The Indonesian
// catalog defines the keys; the English one must have exactly the same keys (checked by types).
import { core } from "./core.messages";
import { accounts } from "~/modules/accounts/messages";
import { agencies } from "~/modules/agencies/messages";
import { innovations } from "~/modules/innovations/messages";
import { catalogue } from "~/modules/catalogue/messages";
import { compliance } from "~/modules/compliance/messages";
import { competitions } from "~/modules/competitions/messages";
import { proposalMessages } from "~/modules/proposals/messages";
import { screeningMessages } from "~/modules/screening/messages";

const id = {
  ...core.id,
  ...accounts.id,
  ...agencies.id,
  ...innovations.id,
  ...catalogue.id,
  ...compliance.id,
  ...competitions.id,
  ...proposalMessages.id,
  ...screeningMessages.id,
};
export type MessageKey = keyof typeof id;

const en: Record<MessageKey, string> = {
  ...core.en,
  ...accounts.en,
  ...agencies.en,
  ...innovations.en,
  ...catalogue.en,
  ...compliance.en,
  ...competitions.en,
  ...proposalMessages.en,
  ...screeningMessages.en,
};

export const catalogs = { id, en };
