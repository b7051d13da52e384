// The English catalog: the same keys as the Indonesian one (catalog.id.ts), checked by type.
import type { MessageKey } from "./catalog.id";
import { coreEn } from "./core.messages.en";
import { accountsEn } from "~/modules/accounts/messages.en";
import { agenciesEn } from "~/modules/agencies/messages.en";
import { innovationsEn } from "~/modules/innovations/messages.en";
import { catalogueEn } from "~/modules/catalogue/messages.en";
import { complianceEn } from "~/modules/compliance/messages.en";
import { competitionsEn } from "~/modules/competitions/messages.en";
import { proposalMessagesEn } from "~/modules/proposals/messages.en";
import { screeningMessagesEn } from "~/modules/screening/messages.en";
import { judgingMessagesEn } from "~/modules/judging/messages.en";
import { judgingAdminMessagesEn } from "~/modules/judging/admin-messages.en";
import { judgingReviewMessagesEn } from "~/modules/judging/review-messages.en";
import { plenaryMessagesEn } from "~/modules/judging/plenary-messages.en";
import { reportMessagesEn } from "~/modules/reports/messages.en";
import { resultMessagesEn } from "~/modules/results/messages.en";
import { certificateMessagesEn } from "~/modules/results/certificate-messages.en";
import { stageMessagesEn } from "~/modules/stages/messages.en";
import { notificationMessagesEn } from "~/modules/notifications/messages.en";
import { checkInMessagesEn } from "~/modules/check-ins/messages.en";
import { eventMessagesEn } from "~/modules/events/messages.en";
import { visitMessagesEn } from "~/modules/visits/messages.en";
import { uploadMessagesEn } from "~/modules/uploads/messages.en";
import { invitationMessagesEn } from "~/modules/competitions/invitation-messages.en";
import { openDataMessagesEn } from "~/modules/open-data/messages.en";
import { auditMessagesEn } from "~/modules/audit/messages.en";

export const en: Record<MessageKey, string> = {
  ...coreEn,
  ...accountsEn,
  ...agenciesEn,
  ...innovationsEn,
  ...catalogueEn,
  ...complianceEn,
  ...competitionsEn,
  ...proposalMessagesEn,
  ...screeningMessagesEn,
  ...judgingMessagesEn,
  ...judgingAdminMessagesEn,
  ...judgingReviewMessagesEn,
  ...plenaryMessagesEn,
  ...reportMessagesEn,
  ...resultMessagesEn,
  ...certificateMessagesEn,
  ...stageMessagesEn,
  ...notificationMessagesEn,
  ...checkInMessagesEn,
  ...eventMessagesEn,
  ...visitMessagesEn,
  ...uploadMessagesEn,
  ...invitationMessagesEn,
  ...openDataMessagesEn,
  ...auditMessagesEn,
};
