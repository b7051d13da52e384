import { defineMessages } from "~/i18n/define";

export const agencies = defineMessages({
  id: {},
  en: {},
});
