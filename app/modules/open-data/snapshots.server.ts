// The open-data files written once a night (a snapshot) instead of for each download. At a
// million innovations inovasi.csv costs the server over a minute of work and gigabytes of
// traffic to build; one person pressing "download" again and again would keep it busy. A
// snapshot is built by one background job (queue "open-data", every night at 02:00 WIB, or when
// the secretariat asks for one) and stored gzip-compressed in the database, so that a download
// costs no more than reading stored bytes, and both database modes keep it the same way
// (no files on the server's disk to back up or share between processes).
//
// A file without a snapshot (a new installation, before its first night) is still built live.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { and, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "~/db/client.server";
import type { Jobs, QueueSpec } from "~/db/jobs.server";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { openDataSnapshotParts, openDataSnapshots } from "~/db/schema";
import { datasetCsvChunks, DATASETS, type Dataset } from "./datasets.server";

/**
 * The stored gzip stream is cut into parts of about this size: small enough that no row is huge
 * (a bytea value is read and written whole) and that serving holds one part at a time, large
 * enough that a file of hundreds of megabytes is a few hundred rows, not millions.
 */
export const PART_BYTES = 1024 * 1024;

/**
 * How long a snapshot run may take before it counts as lost (the job's expiry). At a million
 * innovations inovasi.csv takes 75–90 s live (docs/benchmarks.md), the four files a few minutes:
 * hours leave room for a loaded server without ever cutting a healthy run short.
 */
export const SNAPSHOT_RUN_SECONDS = 4 * 3600;

/**
 * An unfinished snapshot older than this was left by a run that crashed (a process killed
 * mid-file cannot clean up after itself): longer than a run may last (SNAPSHOT_RUN_SECONDS), so
 * that a run still at work is never deleted under it.
 */
const ABANDONED_MS = SNAPSHOT_RUN_SECONDS * 1000 + 2 * 3_600_000;

/**
 * A download reads its snapshot a part at a time, each part its own statement (holding one
 * transaction open for the whole of a slow download would hold a pooled connection, and PGlite's
 * only one, for as long). So a replaced snapshot must outlive the downloads that started on it:
 * it is kept this long after a newer one replaced it (a file of hundreds of megabytes over a slow
 * line takes under an hour), and deleted by the next run after that; at night that is the next
 * night's, so normally two snapshots of a file are kept.
 */
export const REPLACED_GRACE_SECONDS = 6 * 3600;

/**
 * At most this many finished snapshots of one file are kept (the newest and the ones it
 * replaced), however often the secretariat asks for new ones within the grace period: storage
 * stays bounded, and only a download during which four newer snapshots of its file finish can
 * fail that way (and then fails visibly, see snapshotBody).
 */
export const KEPT_SNAPSHOTS = 4;

export type Snapshot = {
  id: number;
  dataset: Dataset;
  startedAt: Date;
  finishedAt: Date;
  rows: number;
  /** The CSV's size, as the live file's. */
  bytes: number;
  /** The stored (gzip) size: what a browser that accepts gzip downloads. */
  gzipBytes: number;
  /** Of the CSV (uncompressed): the file's identity whatever encoding it travels in. */
  sha256: string;
};

const columns = {
  id: openDataSnapshots.id,
  dataset: openDataSnapshots.dataset,
  startedAt: openDataSnapshots.startedAt,
  finishedAt: openDataSnapshots.finishedAt,
  rows: openDataSnapshots.rows,
  bytes: openDataSnapshots.bytes,
  gzipBytes: openDataSnapshots.gzipBytes,
  sha256: openDataSnapshots.sha256,
};
type Row = { id: number; dataset: string; startedAt: Date; finishedAt: Date | null; rows: number | null; bytes: number | null; gzipBytes: number | null; sha256: string | null };
const snapshotOf = (r: Row): Snapshot => ({
  id: r.id!,
  dataset: r.dataset as Dataset,
  startedAt: r.startedAt!,
  finishedAt: r.finishedAt!,
  rows: Number(r.rows),
  bytes: Number(r.bytes),
  gzipBytes: Number(r.gzipBytes),
  sha256: r.sha256!,
});

/**
 * Write one file's snapshot: the CSV exactly as the live download makes it (datasetCsvChunks),
 * through gzip, stored part by part as the parts come. Nothing holds the whole file: the CSV is
 * read a batch at a time and the gzip output leaves memory a part at a time, with backpressure
 * (pipeline) so that reading never runs ahead of storing.
 *
 * Each part is its own statement, not one transaction for the whole file: a transaction of
 * hundreds of megabytes would hold its locks and its share of the write-ahead log for minutes.
 * The snapshot is therefore visible half-written, and counts only once `finishedAt` is set,
 * which is the last thing written.
 */
export async function writeSnapshot(db: Db, dataset: Dataset, publicUrl: string, opts: { partBytes?: number } = {}): Promise<Snapshot> {
  const partBytes = opts.partBytes ?? PART_BYTES;
  const [row] = await db.insert(openDataSnapshots).values({ dataset }).returning({ id: openDataSnapshots.id });
  const id = row.id;
  const hash = createHash("sha256");
  let rows = 0;
  let bytes = 0;
  let gzipBytes = 0;
  let part = 0;
  try {
    async function* csv() {
      for await (const chunk of datasetCsvChunks(db, dataset, publicUrl)) {
        hash.update(chunk.bytes);
        bytes += chunk.bytes.byteLength;
        rows += chunk.rows;
        yield chunk.bytes;
      }
    }
    await pipeline(Readable.from(csv()), createGzip(), async (gzipped: AsyncIterable<Buffer>) => {
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const store = async () => {
        const data = Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        await db.insert(openDataSnapshotParts).values({ snapshotId: id, part: part++, data });
        gzipBytes += data.byteLength;
      };
      for await (const chunk of gzipped) {
        pending.push(chunk);
        pendingBytes += chunk.byteLength;
        if (pendingBytes >= partBytes) await store();
      }
      if (pendingBytes > 0) await store();
    });
    const [done] = await db
      .update(openDataSnapshots)
      .set({ finishedAt: sql`now()`, rows, bytes, gzipBytes, sha256: hash.digest("hex") })
      .where(eq(openDataSnapshots.id, id))
      .returning(columns);
    // Only now that this one counts: the file's earlier snapshots are no longer served to new
    // downloads, and go once past their grace (REPLACED_GRACE_SECONDS, KEPT_SNAPSHOTS); an
    // unfinished one left long ago by a crashed run would never be finished.
    await db
      .delete(openDataSnapshots)
      .where(
        and(
          eq(openDataSnapshots.dataset, dataset),
          or(
            inArray(openDataSnapshots.id, replacedPastGrace(dataset)),
            and(isNull(openDataSnapshots.finishedAt), lt(openDataSnapshots.startedAt, new Date(Date.now() - ABANDONED_MS))),
          ),
        ),
      );
    return snapshotOf(done);
  } catch (e) {
    // A run that fails cleans up its own parts (the cascade), so that a broken file never waits
    // hours to be removed; the file keeps being served from the previous snapshot.
    await db.delete(openDataSnapshots).where(and(eq(openDataSnapshots.id, id), isNull(openDataSnapshots.finishedAt)));
    throw e;
  }
}

/**
 * The file's finished snapshots that no download may still need: beyond the newest
 * KEPT_SNAPSHOTS, or replaced more than REPLACED_GRACE_SECONDS ago. A snapshot is replaced when
 * the first snapshot newer than it (by id, as latestSnapshot ranks them) finished, whichever
 * order overlapping runs finished in. The database's clock throughout, as finishedAt is set by it.
 */
function replacedPastGrace(dataset: Dataset) {
  return sql`(
    SELECT id FROM (
      SELECT id,
        row_number() OVER newest_first AS place,
        min(finished_at) OVER (newest_first ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS replaced_at
      FROM open_data_snapshots
      WHERE dataset = ${dataset} AND finished_at IS NOT NULL
      WINDOW newest_first AS (ORDER BY id DESC)
    ) ranked
    WHERE place > 1 AND (place > ${KEPT_SNAPSHOTS} OR replaced_at < now() - make_interval(secs => ${REPLACED_GRACE_SECONDS}))
  )`;
}

/**
 * The file's newest finished snapshot, or null (then the file is built live). Newest by id, that
 * is by start: when two runs overlap (the night's and one the secretariat asked for), the one
 * that started later read the fresher data, whichever finished first.
 */
export async function latestSnapshot(db: DbOrTx, dataset: Dataset): Promise<Snapshot | null> {
  const [r] = await db
    .select(columns)
    .from(openDataSnapshots)
    .where(and(eq(openDataSnapshots.dataset, dataset), isNotNull(openDataSnapshots.finishedAt)))
    .orderBy(desc(openDataSnapshots.id))
    .limit(1);
  return r ? snapshotOf(r) : null;
}

/** Every file's latest snapshot, for the page (null where there is none yet). */
export async function latestSnapshots(db: DbOrTx): Promise<Record<Dataset, Snapshot | null>> {
  const entries = await Promise.all(DATASETS.map(async (d) => [d, await latestSnapshot(db, d)] as const));
  return Object.fromEntries(entries) as Record<Dataset, Snapshot | null>;
}

/**
 * The snapshot's stored (gzip) bytes as a stream, read a part at a time as the reader takes them:
 * a slow download holds one part in memory and no statement open between parts. A newer
 * snapshot finishing meanwhile leaves this one in place for a grace period (replacedPastGrace),
 * so the download ends with the bytes it started with. If the parts still end before
 * `gzipBytes` (a download outliving that grace) the stream fails, so that the download is seen
 * to fail rather than taken for a whole file.
 */
export function snapshotBody(db: DbOrTx, snapshot: Pick<Snapshot, "id" | "gzipBytes">): ReadableStream<Uint8Array> {
  let part = 0;
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent >= snapshot.gzipBytes) {
        controller.close();
        return;
      }
      const [r] = await db
        .select({ data: openDataSnapshotParts.data })
        .from(openDataSnapshotParts)
        .where(and(eq(openDataSnapshotParts.snapshotId, snapshot.id), eq(openDataSnapshotParts.part, part)));
      if (!r) {
        controller.error(new Error(`open-data snapshot ${snapshot.id} ended at part ${part}, ${sent} of ${snapshot.gzipBytes} bytes`));
        return;
      }
      part++;
      sent += r.data.byteLength;
      controller.enqueue(r.data);
    },
  });
}

/**
 * The snapshot as CSV, for a reader that does not take gzip: the stored parts unpacked on the
 * way, still a part at a time.
 */
export function snapshotCsvBody(db: DbOrTx, snapshot: Pick<Snapshot, "id" | "gzipBytes">): ReadableStream<Uint8Array> {
  // The DOM typings give DecompressionStream a BufferSource input; Uint8Array is one.
  return snapshotBody(db, snapshot).pipeThrough(new DecompressionStream("gzip") as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
}

/**
 * Write the four files' snapshots, one after another (one file's work at a time keeps the
 * server's load to that of a single download). `requestedAt`: when the secretariat asked; a
 * file whose snapshot was started since then is fresh enough already, so that pressing the
 * button several times queues one rebuild's work, not several.
 */
export async function writeAllSnapshots(db: Db, publicUrl: string, opts: { requestedAt?: Date } = {}): Promise<Snapshot[]> {
  const written: Snapshot[] = [];
  for (const dataset of DATASETS) {
    if (opts.requestedAt) {
      const latest = await latestSnapshot(db, dataset);
      if (latest && latest.startedAt >= opts.requestedAt) continue;
    }
    written.push(await writeSnapshot(db, dataset, publicUrl));
  }
  return written;
}

/** The queue of the nightly job, scheduled by cron in WIB (see jobs.server.ts). */
export function openDataJob(db: Db, publicUrl: string): QueueSpec {
  return {
    // One run at a time and one waiting: presses of the refresh button while a run waits add nothing.
    policy: "stately",
    expireInSeconds: SNAPSHOT_RUN_SECONDS,
    // A failed night is tried once more; the previous snapshots are served meanwhile.
    retryLimit: 1,
    // 02:00 WIB: the quietest hour across Indonesia's three zones, and well before office hours.
    cron: "0 2 * * *",
    async handle(data) {
      const requestedAt = typeof data.requestedAt === "string" ? new Date(data.requestedAt) : undefined;
      await writeAllSnapshots(db, publicUrl, { requestedAt: requestedAt && !Number.isNaN(requestedAt.getTime()) ? requestedAt : undefined });
    },
  };
}

/**
 * Queue a refresh of every file now (the secretariat's button on /data-terbuka), recorded in the
 * audit log: the work is the whole register's, so who asked for it and when is kept.
 */
export async function requestSnapshots(db: Db, jobs: Pick<Jobs, "send">, actor: Actor, now: Date): Promise<void> {
  assertCan(actor, "openData.refresh");
  await recordAudit(db, { actorUserId: actor.kind === "user" ? actor.id : null, action: "openData.refresh", subjectType: "openData", subjectId: 0 });
  await jobs.send("open-data", { requestedAt: now.toISOString() });
}
