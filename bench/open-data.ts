// The open-data files and the sitemaps at national scale: `npm run bench:open-data [-- --size 1000000 --rows 100000 --cluster DIR]`.
//
// On a generated register (bench/generate.ts, reused from --cluster DIR when it is there), prints
// how long the open-data page's counts take, how fast the innovations file streams (the first
// --rows rows, read as a download reads them) with the same batch's SQL alone beside it, and how
// long the sitemap index and one file of 50,000 innovations take; then writes the whole
// innovations file's nightly snapshot (snapshots.server.ts) and reads it back as a download
// does, stored gzip and unpacked, beside the live figures (--no-snapshot skips this; the
// snapshot is deleted afterwards, leaving the register as it was). Only 127.0.0.1 is contacted.
import { migrate, openPostgres } from "../app/db/client.server";
import { datasetCsvStream, datasetSizes, BATCH_ROWS } from "../app/modules/open-data/datasets.server";
import { sitemapFile, sitemapIndex } from "../app/modules/catalogue/sitemaps.server";
import { latestSnapshot, snapshotBody, snapshotCsvBody, writeSnapshot } from "../app/modules/open-data/snapshots.server";
import { openDataSnapshots } from "../app/db/schema";
import { argValue, hasFlag } from "./lib/args";
import { startCluster } from "./lib/cluster";
import { generateRegister } from "./generate";

const size = Number(argValue("size", "1000000"));
const wanted = Number(argValue("rows", "100000"));
const cluster = startCluster(argValue("cluster"));
const timed = async <T>(run: () => Promise<T>) => {
  const t = performance.now();
  const value = await run();
  return { value, ms: performance.now() - t };
};

try {
  const gen = await generateRegister({ serverUrl: cluster.url, database: `lumbung_bench_${size}`, innovations: size, log: () => {} });
  const database = await openPostgres(gen.url, 4);
  const { db, close } = database;
  try {
    const cold = await timed(() => datasetSizes(db));
    const warm = await timed(() => datasetSizes(db));
    console.log(`/data-terbuka counts: ${cold.ms.toFixed(0)} ms cold, ${warm.ms.toFixed(0)} ms warm (${cold.value.innovations.toLocaleString("en")} published innovations)`);

    for (const dataset of ["agencies", "innovations"] as const) {
      // The stream's first chunk is the header, then one chunk per batch of BATCH_ROWS rows.
      const batches = dataset === "innovations" ? Math.ceil(wanted / BATCH_ROWS) : Infinity;
      const reader = datasetCsvStream(db, dataset, "https://lumbung.example").getReader();
      let bytes = 0;
      let chunks = 0;
      const run = await timed(async () => {
        while (chunks <= batches) {
          const { done, value } = await reader.read();
          if (done) break;
          bytes += value.byteLength;
          chunks++;
        }
        await reader.cancel();
      });
      const rows = dataset === "innovations" ? Math.min(batches * BATCH_ROWS, cold.value.innovations) : cold.value.agencies;
      console.log(
        `${dataset}.csv: ${rows.toLocaleString("en")} rows, ${(bytes / 1e6).toFixed(1)} MB in ${(run.ms / 1000).toFixed(2)} s ` +
          `(${Math.round((rows / run.ms) * 1000).toLocaleString("en")} rows/s, ${(bytes / 1e6 / (run.ms / 1000)).toFixed(1)} MB/s)`,
      );
    }
    // The floor: one batch's rows read by SQL alone, without the joins' names or the encoding.
    const { rowsOf } = await import("../app/modules/catalogue/cards.server");
    const { sql } = await import("drizzle-orm");
    const floor = await timed(() =>
      rowsOf(db, sql`SELECT i.*, a.name FROM innovations i JOIN agencies a ON a.id = i.agency_id WHERE i.state = 'published' AND i.id > 500000 ORDER BY i.id LIMIT ${BATCH_ROWS}`),
    );
    console.log(`one batch of ${BATCH_ROWS} innovations, its rows alone by SQL: ${floor.ms.toFixed(0)} ms`);

    const index = await timed(() => sitemapIndex(db, "https://lumbung.example"));
    const file = await timed(() => sitemapFile(db, "https://lumbung.example", "inovasi-10.xml"));
    const agencies = await timed(() => sitemapFile(db, "https://lumbung.example", "instansi.xml"));
    console.log(`sitemap index: ${index.ms.toFixed(0)} ms; inovasi-10.xml: ${file.ms.toFixed(0)} ms (${((file.value ?? "").length / 1e6).toFixed(1)} MB); instansi.xml: ${agencies.ms.toFixed(0)} ms`);

    if (!hasFlag("no-snapshot")) {
      const { eq } = await import("drizzle-orm");
      // A register generated before the snapshots' tables existed gets them (the migrations
      // not yet applied to it, nothing else).
      await migrate(database);
      const rss = () => `${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`;
      const before = rss();
      const write = await timed(() => writeSnapshot(db, "innovations", "https://lumbung.example"));
      const s = write.value;
      const parts = Math.ceil(s.gzipBytes / (1024 * 1024));
      console.log(
        `inovasi.csv snapshot written: ${s.rows.toLocaleString("en")} rows, ${(s.bytes / 1e6).toFixed(0)} MB CSV, ` +
          `${(s.gzipBytes / 1e6).toFixed(0)} MB gzip (${((s.gzipBytes / s.bytes) * 100).toFixed(1)} %, ~${parts} parts) in ${(write.ms / 1000).toFixed(1)} s ` +
          `(${Math.round((s.rows / write.ms) * 1000).toLocaleString("en")} rows/s); process memory ${before} before, ${rss()} after`,
      );
      const lookup = await timed(() => latestSnapshot(db, "innovations"));
      // Read to the end as a download does, a part at a time.
      const drain = async (stream: ReadableStream<Uint8Array>) => {
        const reader = stream.getReader();
        let n = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return n;
          n += value.byteLength;
        }
      };
      const gz = await timed(() => drain(snapshotBody(db, s)));
      const plain = await timed(() => drain(snapshotCsvBody(db, s)));
      console.log(
        `inovasi.csv from the snapshot: lookup ${lookup.ms.toFixed(1)} ms; gzip as stored ${(gz.value / 1e6).toFixed(0)} MB in ${(gz.ms / 1000).toFixed(2)} s ` +
          `(${(gz.value / 1e6 / (gz.ms / 1000)).toFixed(0)} MB/s); unpacked ${(plain.value / 1e6).toFixed(0)} MB in ${(plain.ms / 1000).toFixed(2)} s ` +
          `(${(plain.value / 1e6 / (plain.ms / 1000)).toFixed(0)} MB/s); process memory ${rss()}`,
      );
      if (gz.value !== s.gzipBytes || plain.value !== s.bytes) throw new Error("the snapshot read back is not the size written");
      await db.delete(openDataSnapshots).where(eq(openDataSnapshots.id, s.id));
    }
  } finally {
    await close();
  }
} finally {
  cluster.stop();
}
process.exit(0);
