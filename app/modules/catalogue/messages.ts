import { defineMessages } from "~/i18n/define";

export const catalogue = defineMessages({
  id: {},
  en: {},
});
