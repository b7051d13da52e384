import { defineMessages } from "~/i18n/define";

// Files kept from a refused form.
export const uploadMessages = defineMessages({
  id: {
    "uploads.held.legend": "Berkas yang sudah Anda pilih",
    "uploads.held.hint": "Formulir belum terkirim, tetapi berkas ini sudah kami simpan dan akan ikut terkirim. Hapus centang untuk tidak menyertakannya.",
    "uploads.held.file": "{name} ({kb} kB)",
  },
  en: {
    "uploads.held.legend": "Files you already chose",
    "uploads.held.hint": "The form was not sent, but these files are kept and will go with it. Untick one to leave it out.",
    "uploads.held.file": "{name} ({kb} kB)",
  },
});
