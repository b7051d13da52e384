import { defineMessages } from "~/i18n/define";

// Files kept from a refused form.
export const uploadMessages = defineMessages({
  "uploads.held.legend": "Berkas yang sudah Anda pilih",
  "uploads.held.hint": "Formulir belum terkirim, tetapi berkas ini sudah kami simpan dan akan ikut terkirim. Hapus centang untuk tidak menyertakannya.",
  "uploads.held.file": "{name} ({kb} kB)",
});

