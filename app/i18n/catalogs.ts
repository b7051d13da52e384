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
import { judgingMessages } from "~/modules/judging/messages";
import { judgingAdminMessages } from "~/modules/judging/admin-messages";
import { judgingReviewMessages } from "~/modules/judging/review-messages";
import { plenaryMessages } from "~/modules/judging/plenary-messages";
import { reportMessages } from "~/modules/reports/messages";
import { resultMessages } from "~/modules/results/messages";
import { certificateMessages } from "~/modules/results/certificate-messages";
import { stageMessages } from "~/modules/stages/messages";
import { notificationMessages } from "~/modules/notifications/messages";
import { uploadMessages } from "~/modules/uploads/messages";
import { invitationMessages } from "~/modules/competitions/invitation-messages";

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
  ...judgingMessages.id,
  ...judgingAdminMessages.id,
  ...judgingReviewMessages.id,
  ...plenaryMessages.id,
  ...reportMessages.id,
  ...resultMessages.id,
  ...certificateMessages.id,
  ...stageMessages.id,
  ...notificationMessages.id,
  ...uploadMessages.id,
  ...invitationMessages.id,
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
  ...judgingMessages.en,
  ...judgingAdminMessages.en,
  ...judgingReviewMessages.en,
  ...plenaryMessages.en,
  ...reportMessages.en,
  ...resultMessages.en,
  ...certificateMessages.en,
  ...stageMessages.en,
  ...notificationMessages.en,
  ...uploadMessages.en,
  ...invitationMessages.en,
};

export const catalogs = { id, en };
