// The Indonesian catalog: every module's messages joined. Indonesian defines the keys; it is
// always loaded (the default language, and the fallback for a missing text). The English
// catalog (catalog.en.ts) is loaded by the server, and by a browser only for an English page.
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
import { checkInMessages } from "~/modules/check-ins/messages";
import { eventMessages } from "~/modules/events/messages";
import { visitMessages } from "~/modules/visits/messages";
import { uploadMessages } from "~/modules/uploads/messages";
import { invitationMessages } from "~/modules/competitions/invitation-messages";
import { openDataMessages } from "~/modules/open-data/messages";
import { auditMessages } from "~/modules/audit/messages";

export const id = {
  ...core,
  ...accounts,
  ...agencies,
  ...innovations,
  ...catalogue,
  ...compliance,
  ...competitions,
  ...proposalMessages,
  ...screeningMessages,
  ...judgingMessages,
  ...judgingAdminMessages,
  ...judgingReviewMessages,
  ...plenaryMessages,
  ...reportMessages,
  ...resultMessages,
  ...certificateMessages,
  ...stageMessages,
  ...notificationMessages,
  ...checkInMessages,
  ...eventMessages,
  ...visitMessages,
  ...uploadMessages,
  ...invitationMessages,
  ...openDataMessages,
  ...auditMessages,
};
export type MessageKey = keyof typeof id;
