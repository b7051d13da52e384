// The activity log's rows under the page's filters as a CSV, streamed a batch at a time: the
// secretariat's filter may match a great many rows, so a download stops at CSV_MAX rows (the
// newest), and is never held whole in memory.
import type { DbOrTx } from "~/db/client.server";
import { translator, ZONE_OFFSETS, type Locale, type ZoneName } from "~/i18n";
import { BOM, csvLine } from "~/lib/csv";
import { describeRows } from "./describe-audit.server";
import { auditBatches, type AuditScope } from "./list-audit.server";
import { CSV_MAX, type AuditQuery } from "./query";
import { actionText, detailText, subjectText } from "./view";

const COLUMNS = ["id", "at", "actorName", "actorEmail", "action", "description", "subjectType", "subjectId", "subjectName", "detail"] as const;

/** An instant as ISO 8601 in the reader's zone ("2026-07-31T23:59:59+07:00"): a spreadsheet sorts it, a person reads it. */
function zonedIso(at: Date, zone: ZoneName): string {
  const offset = ZONE_OFFSETS[zone];
  const shifted = new Date(at.getTime() + (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6))) * 60_000);
  return `${shifted.toISOString().slice(0, 19)}${offset}`;
}

export function auditCsvStream(db: DbOrTx, scope: AuditScope, q: AuditQuery, opts: { locale: Locale; zone: ZoneName; max?: number; batch?: number }): ReadableStream<Uint8Array> {
  const t = translator(opts.locale, { zone: opts.zone });
  const encoder = new TextEncoder();
  const batches = auditBatches(db, scope, q, { max: opts.max ?? CSV_MAX, batch: opts.batch });
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(BOM + csvLine(COLUMNS.map((c) => t(`audit.csv.${c}`)))));
        return;
      }
      const next = await batches.next();
      if (next.done) return controller.close();
      const rows = await describeRows(db, scope, next.value);
      const lines = rows.map((r) =>
        csvLine([
          r.id,
          zonedIso(new Date(r.at), opts.zone),
          r.actor?.name ?? t("audit.system"),
          r.actor?.email ?? "",
          r.action,
          actionText(t, r.action),
          r.subject.type,
          r.subject.id,
          r.subject.name ?? "",
          detailText(t, r.details),
        ]),
      );
      controller.enqueue(encoder.encode(lines.join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
