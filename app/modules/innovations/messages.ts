import { defineMessages } from "~/i18n/define";

export const innovations = defineMessages({
  id: {},
  en: {},
});
