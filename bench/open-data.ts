// The open-data files and the sitemaps at national scale: `npm run bench:open-data [-- --size 1000000 --rows 100000 --cluster DIR]`.
//
// On a generated register (bench/generate.ts, reused from --cluster DIR when it is there), prints
// how long the open-data page's counts take, how fast the innovations file streams (the first
// --rows rows, read as a download reads them) with the same batch's SQL alone beside it, and how
// long the sitemap index and one file of 50,000 innovations take. Only 127.0.0.1 is contacted.
import { openPostgres } from "../app/db/client.server";
import { datasetCsvStream, datasetSizes, BATCH_ROWS } from "../app/modules/open-data/datasets.server";
import { sitemapFile, sitemapIndex } from "../app/modules/catalogue/sitemaps.server";
import { argValue } from "./lib/args";
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
  const { db, close } = await openPostgres(gen.url, 4);
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
  } finally {
    await close();
  }
} finally {
  cluster.stop();
}
process.exit(0);
