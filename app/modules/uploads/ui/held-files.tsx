// The files a refused form kept: each a ticked box that sends its token back with the form.
// Untick to leave a file out. Works without JavaScript.
import { useEffect, useRef } from "react";
import type { HeldFile } from "../held.server";
import { useT } from "~/lib/use-i18n";

export function HeldFiles({ files, field }: { files: readonly HeldFile[] | undefined; field: string }) {
  const t = useT();
  const ref = useRef<HTMLFieldSetElement>(null);
  const mine = (files ?? []).filter((f) => f.field === field);
  useEffect(() => {
    // With JavaScript the page is not reloaded, so the file input still holds the files kept
    // here: sent again with their tokens, they would be stored twice.
    if (!mine.length) return;
    for (const input of ref.current?.form?.querySelectorAll<HTMLInputElement>(`input[type="file"][name="${CSS.escape(field)}"]`) ?? []) input.value = "";
  }, [files, field]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!mine.length) return null;
  return (
    <fieldset className="held-files" ref={ref}>
      <legend>{t("uploads.held.legend")}</legend>
      <p className="hint">{t("uploads.held.hint")}</p>
      {mine.map((f) => (
        <label className="checkbox" key={f.token}>
          <input type="checkbox" name="_held" value={f.token} defaultChecked />
          {t("uploads.held.file", { name: f.filename, kb: Math.ceil(f.size / 1024) })}
        </label>
      ))}
    </fieldset>
  );
}
