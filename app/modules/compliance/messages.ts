import { defineMessages } from "~/i18n/define";

export const compliance = defineMessages({
  id: {},
  en: {},
});
