// Small real files for upload journeys, made in memory with the demo seed's own encoders: the
// server checks uploads by their content, so these are well-formed files, not renamed text.
import { bannerPng } from "../app/modules/demo/files/png";
import { simplePdf } from "../app/modules/demo/files/pdf";

export const pngPhoto = () =>
  Buffer.from(bannerPng({ title: "Foto uji", subtitle: "Lumbung", color: [30, 110, 60], width: 120, height: 80 }));

export const pdfDocument = (text = "Laporan evaluasi inovasi") => Buffer.from(simplePdf({ title: text, lines: [text] }));
