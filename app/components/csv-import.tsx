import { Form } from "react-router";
import { CsrfField } from "./forms";
import { useT } from "~/lib/use-i18n";

/**
 * A CSV upload form and, after a failed import, every bad row with its line and reason; with
 * `sampleHref`, a link to a sample file beside it.
 */
export function CsvImport({
  hint,
  rowErrors,
  fileError,
  done,
  sampleHref,
}: {
  hint: string;
  rowErrors?: { line: number; message: string }[];
  fileError?: string;
  done?: number | null;
  sampleHref?: string;
}) {
  const t = useT();
  return (
    <section aria-labelledby="import-title" className="csv-import">
      <h2 id="import-title">{t("agencies.import.title")}</h2>
      {done ? <p className="notice" role="status">{t("agencies.import.done", { count: done })}</p> : null}
      {rowErrors?.length ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h3>{t("agencies.import.failed")}</h3>
          <ul>
            {rowErrors.map((e, i) => (
              <li key={i}>{t("agencies.import.line", { line: e.line, reason: e.message })}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data">
        <CsrfField />
        <div className={fileError ? "field field-error" : "field"}>
          <label htmlFor="f-file">{t("agencies.import.file")}</label>
          <p className="hint" id="f-file-hint">
            {hint}
            {/* A plain link: the file is a download, not a page of the app. */}
            {sampleHref ? (
              <>
                {" "}
                <a href={sampleHref} download>{t("agencies.import.template")}</a>
              </>
            ) : null}
          </p>
          {fileError ? <p className="error-message" id="f-file-error">{fileError}</p> : null}
          <input type="file" id="f-file" name="file" accept=".csv,text/csv" required aria-describedby={fileError ? "f-file-hint f-file-error" : "f-file-hint"} />
        </div>
        <button type="submit" name="_intent" value="import" className="button secondary">{t("agencies.import.submit")}</button>
      </Form>
    </section>
  );
}
