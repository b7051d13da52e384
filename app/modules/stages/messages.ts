import { defineMessages } from "~/i18n/define";

export const stageMessages = defineMessages({
  id: {
    "stages.placeholder": "-",
  },
  en: {
    "stages.placeholder": "-",
  },
});
