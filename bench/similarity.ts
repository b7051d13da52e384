// Copy screening at the programme's scale: `npx tsx bench/similarity.ts [--new 5000] [--earlier 30000] [--seed 1]`.
//
// Generates, deterministically, a register of earlier innovations (1,000–2,000 words each) and a
// batch of new proposals (8 sections, about 2,000 words), plants known copies among them, runs
// the screening engine (app/modules/screening/similarity.ts) and prints its time, memory and
// how many of the planted copies it found. Target: 5,000 × 30,000 in under 60 s on two cores.
//
// The text: a word-bigram model per theme, trained on the demo composer's innovations
// (app/modules/demo/generator/compose.ts), walked with random jumps within the theme's
// vocabulary. Texts on one theme thus share their vocabulary and short stock phrases, as real
// proposals do, but not their sentences; the composer's own output is not used as it is, because
// its fixed templates would make thousands of unrelated entries share whole paragraphs.
//
// Planted: edited copies (about 3% of words replaced, a fifth of sentences swapped) of register
// entries and of other proposals of the batch, proposals with one section of a register entry
// pasted in, and proposals that reuse a register entry's title over their own text.
// No network, no files; every loop is bounded.
import { pickThemeAndArchetype } from "../app/modules/demo/generator/agency-fit";
import { composeInnovation } from "../app/modules/demo/generator/compose";
import { VILLAGE_PREFIXES, VILLAGE_SUFFIXES } from "../app/modules/demo/generator/words";
import { createRng, type Rng } from "../app/modules/demo/prng";
import {
  buildIndex, findSimilar, identicalTitles, type FindStats, type SimilarityDoc,
} from "../app/modules/screening/similarity";
import v8 from "node:v8";
import vm from "node:vm";
import { argValue } from "./lib/args";
import { table } from "./lib/stats";

const NEW = Number(argValue("new", "5000"));
const EARLIER = Number(argValue("earlier", "30000"));
const SEED = Number(argValue("seed", "1"));
const PLANT = { registerCopies: 40, batchCopies: 10, pastedSections: 20, titles: 10 };

const SECTION_HEADINGS = [
  "Ringkasan", "Latar Belakang Masalah", "Kebaruan", "Pelaksanaan", "Hasil dan Dampak", "Manfaat",
  "Sumber Daya", "Keberlanjutan",
];

// --- Text model ---------------------------------------------------------------------------------

type Model = { starts: number[]; next: Map<number, number[]>; vocab: number[] };
const WORDS: string[] = [];
const WORD_IDS = new Map<string, number>();
const idOf = (w: string) => {
  let id = WORD_IDS.get(w);
  if (id === undefined) { id = WORDS.length; WORDS.push(w); WORD_IDS.set(w, id); }
  return id;
};
const endsSentence = (id: number) => /[.!?]$/.test(WORDS[id]);

/** One bigram model per theme, from 150 composed innovations of that theme. */
function trainModels(rng: Rng): Map<string, Model> {
  const models = new Map<string, Model>();
  const themes = new Set<string>();
  for (let n = 0; n < 400; n++) themes.add(pickThemeAndArchetype(rng, "kabupaten", null).theme.id);
  for (const themeId of [...themes].sort()) {
    const model: Model = { starts: [], next: new Map(), vocab: [] };
    const vocab = new Set<number>();
    for (let n = 0; n < 150; n++) {
      const { theme, archetype } = pickThemeAndArchetype(rng, "kabupaten", null, [themeId]);
      const c = composeInnovation(rng, {
        theme, archetype, agencyType: "kabupaten", agencyLabel: `Kab. ${place(rng)}`, unitName: theme.unit,
        startYear: rng.int(2015, 2025), status: "implementasi",
      });
      const text = [c.summary, c.problem, c.targetGroup, c.novelty, c.implementation, c.results, c.benefits, c.resources, c.sustainability].join(" ");
      for (const sentence of text.split(/(?<=[.!?])\s+/)) {
        const ids = sentence.split(/\s+/).filter(Boolean).map(idOf);
        if (ids.length < 3) continue;
        model.starts.push(ids[0]);
        for (let i = 0; i < ids.length; i++) {
          vocab.add(ids[i]);
          if (i + 1 < ids.length) {
            const list = model.next.get(ids[i]) ?? [];
            list.push(ids[i + 1]);
            model.next.set(ids[i], list);
          }
        }
      }
    }
    model.vocab = [...vocab].filter((id) => !endsSentence(id) && /^[a-z]/.test(WORDS[id]));
    models.set(themeId, model);
  }
  return models;
}

const place = (rng: Rng) => `${rng.pick(VILLAGE_PREFIXES)}${rng.pick(VILLAGE_SUFFIXES)}`;

/** A sentence of 8–30 words: the bigram walk, with one step in eight a jump to any theme word. */
function sentence(rng: Rng, m: Model): string {
  const out: number[] = [rng.pick(m.starts)];
  while (out.length < 30) {
    const last = out[out.length - 1];
    if (endsSentence(last) && out.length >= 8) break;
    const next = m.next.get(last);
    out.push(!next || rng.chance(0.125) || endsSentence(last) ? rng.pick(m.vocab) : rng.pick(next));
  }
  const text = out.map((id) => WORDS[id]).join(" ");
  return /[.!?]$/.test(text) ? text : `${text.replace(/[,;:]$/, "")}.`;
}

function paragraph(rng: Rng, m: Model, words: number): string[] {
  const out: string[] = [];
  for (let n = 0; n < words; ) {
    const s = sentence(rng, m);
    out.push(s);
    n += s.split(" ").length;
  }
  return out;
}

type Generated = SimilarityDoc & { sections: string[][] };

function titleOf(rng: Rng, theme: string): string {
  const { theme: t, archetype } = pickThemeAndArchetype(rng, "kabupaten", null, [theme]);
  const c = composeInnovation(rng, { theme: t, archetype, agencyType: "kabupaten", agencyLabel: "Kab.", unitName: t.unit, startYear: 2020, status: "implementasi" });
  return `${c.acronym}: ${c.name} di Desa ${place(rng)}`;
}

function join(doc: Omit<Generated, "text">, headings: boolean): Generated {
  const text = doc.sections.map((s, i) => (headings ? `${SECTION_HEADINGS[i % 8]}\n` : "") + s.join(" ")).join("\n\n");
  return { ...doc, text };
}

function registerDoc(rng: Rng, models: Map<string, Model>, themes: string[], i: number): Generated {
  const theme = rng.pick(themes);
  const m = models.get(theme)!;
  const n = rng.int(5, 8);
  const total = rng.int(1000, 2000);
  const sections = Array.from({ length: n }, () => paragraph(rng, m, Math.round(total / n)));
  return join({ id: `R${i}`, title: titleOf(rng, theme), sections }, false);
}

function proposalDoc(rng: Rng, models: Map<string, Model>, themes: string[], i: number): Generated {
  const theme = rng.pick(themes);
  const m = models.get(theme)!;
  const sections = Array.from({ length: 8 }, () => paragraph(rng, m, rng.int(220, 280)));
  return join({ id: `P${i}`, title: titleOf(rng, theme), sections }, true);
}

/** About 3% of words replaced by other words of the text, and a fifth of sentences swapped. */
function editedCopy(rng: Rng, source: Generated, id: string, title: string): Generated {
  const vocab = source.text.split(/\s+/);
  const sections = source.sections.map((s) => {
    const sentences = s.map((x) => x.split(" ").map((w) => (rng.chance(0.03) ? rng.pick(vocab) : w)).join(" "));
    for (let k = 0; k + 1 < sentences.length; k++) {
      if (rng.chance(0.2)) [sentences[k], sentences[k + 1]] = [sentences[k + 1], sentences[k]];
    }
    return sentences;
  });
  return join({ id, title, sections }, true);
}

// --- Run ----------------------------------------------------------------------------------------

const mb = (bytes: number) => `${Math.round(bytes / 1e6)} MB`;
// A full collection before each heap figure, so that it counts what is live, not garbage.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;
// Typed arrays live outside the JS heap: count them too.
const heapUsed = async () => {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 200)); // array buffers are freed off-thread
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const secs = (t0: number) => (performance.now() - t0) / 1000;
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** The corpus with its planted copies; the generator's per-sentence arrays stay in here. */
function generateCorpus() {
  const rng = createRng(SEED);
  const models = trainModels(rng);
  const themes = [...models.keys()];
  const register = Array.from({ length: EARLIER }, (_, i) => registerDoc(rng, models, themes, i));
  const batch = Array.from({ length: NEW }, (_, i) => proposalDoc(rng, models, themes, i));

  // Plant copies at distinct positions; sources are never themselves planted.
  const order = rng.sample(batch.map((_, i) => i), batch.length);
  let cursor = 0;
  const take = (n: number) => order.slice(cursor, (cursor += n));
  const registerSources = rng.sample(register.map((_, i) => i), PLANT.registerCopies + PLANT.pastedSections + PLANT.titles);
  const planted = new Map<string, string>(); // pair key → kind
  for (const [k, i] of take(PLANT.registerCopies).entries()) {
    const src = register[registerSources[k]];
    batch[i] = editedCopy(rng, src, batch[i].id, batch[i].title);
    planted.set(pairKey(batch[i].id, src.id), "edited copy of a register entry");
  }
  const batchCopyTargets = take(PLANT.batchCopies);
  const unplanted = order.slice(cursor + PLANT.pastedSections + PLANT.titles);
  for (const i of batchCopyTargets) {
    const src = batch[unplanted.pop()!];
    batch[i] = editedCopy(rng, src, batch[i].id, batch[i].title);
    planted.set(pairKey(batch[i].id, src.id), "edited copy of another proposal");
  }
  for (const [k, i] of take(PLANT.pastedSections).entries()) {
    const src = register[registerSources[PLANT.registerCopies + k]];
    const sections = batch[i].sections.slice();
    sections[rng.int(1, 7)] = rng.pick(src.sections);
    batch[i] = join({ ...batch[i], sections }, true);
    planted.set(pairKey(batch[i].id, src.id), "one register section pasted");
  }
  const titlePlants: [string, string][] = [];
  for (const [k, i] of take(PLANT.titles).entries()) {
    const src = register[registerSources[PLANT.registerCopies + PLANT.pastedSections + k]];
    batch[i] = { ...batch[i], title: src.title.toUpperCase() };
    titlePlants.push([batch[i].id, src.id]);
  }
  const strip = (d: Generated): SimilarityDoc => ({ id: d.id, title: d.title, text: d.text });
  return { register: register.map(strip), batch: batch.map(strip), planted, titlePlants };
}

const tGen = performance.now();
const { register, batch, planted, titlePlants } = generateCorpus();
const words = (docs: SimilarityDoc[]) => docs.reduce((n, d) => n + d.text.split(/\s+/).length, 0);
const textBytes = [...register, ...batch].reduce((n, d) => n + d.text.length, 0);
console.log(`Generated ${EARLIER} register entries (${Math.round(words(register) / EARLIER)} words on average) and ${NEW} proposals (${Math.round(words(batch) / NEW)} words) in ${secs(tGen).toFixed(1)} s; ${mb(textBytes)} of text.`);
const heapBefore = await heapUsed();

// The screening itself.
const t0 = performance.now();
const index = buildIndex(register);
const tIndex = secs(t0);
const heapIndex = await heapUsed();
const t1 = performance.now();
const stats: FindStats = { candidates: 0, aligned: 0, boilerplateSkips: 0 };
const pairs = findSimilar(index, batch, { stats });
const tQuery = secs(t1);
const t2 = performance.now();
const titles = identicalTitles(batch, index);
const tTitles = secs(t2);
const heapAfter = await heapUsed();

// Recall of the planted copies, and flags that nothing planted explains.
const flagged = new Map(pairs.map((p) => [pairKey(p.a, p.b), p]));
const byKind = new Map<string, { planted: number; found: number; minSimilarity: number; minPassage: number }>();
for (const [key, kind] of planted) {
  const row = byKind.get(kind) ?? { planted: 0, found: 0, minSimilarity: Infinity, minPassage: Infinity };
  row.planted++;
  const p = flagged.get(key);
  if (p) {
    row.found++;
    row.minSimilarity = Math.min(row.minSimilarity, p.similarity);
    row.minPassage = Math.min(row.minPassage, p.passages[0]?.words ?? 0);
  }
  byKind.set(kind, row);
}
const titleGroups = new Map(titles.flatMap((g) => g.ids.map((id) => [id, g] as const)));
const titlesFound = titlePlants.filter(([a, b]) => titleGroups.get(a)?.ids.includes(b)).length;
const falseFlags = pairs.filter((p) => !planted.has(pairKey(p.a, p.b)));

console.log(`\nScreening ${NEW} new proposals against ${EARLIER} earlier texts (single thread):`);
console.log(table(["step", "seconds"], [
  ["build index of earlier texts", tIndex.toFixed(1)],
  ["find similar (incl. within the batch)", tQuery.toFixed(1)],
  ["identical titles", tTitles.toFixed(2)],
  ["total", (tIndex + tQuery + tTitles).toFixed(1)],
]));
console.log(`\nCandidate pairs scored: ${stats.candidates} of ${(NEW * EARLIER + (NEW * (NEW - 1)) / 2).toLocaleString("en")} possible; aligned into passages: ${stats.aligned}; boilerplate look-ups skipped: ${stats.boilerplateSkips}.`);
console.log(`Pairs flagged: ${pairs.length} (${pairs.filter((p) => p.flaggedBy === "passage").length} by a long passage alone). Identical-title groups with a new proposal: ${titles.length}.\n`);
console.log(table(["planted", "count", "found", "lowest similarity %", "shortest top passage (words)"], [
  ...[...byKind].map(([kind, r]) => [kind, String(r.planted), String(r.found), r.found ? r.minSimilarity.toFixed(1) : "–", r.found ? String(r.minPassage) : "–"]),
  ["same title, own text", String(titlePlants.length), String(titlesFound), "–", "–"],
]));
console.log(`\nFalse flags (flagged pairs that nothing planted explains): ${falseFlags.length}.`);
for (const p of falseFlags.slice(0, 5)) console.log(`  ${p.a} ~ ${p.b}: ${p.similarity}% , top passage ${p.passages[0]?.words ?? 0} words`);

// Why not MinHash LSH: the chance that banding (32 bands of 4 of 128 hashes, a threshold near
// 0.42 Jaccard) makes a candidate of each pasted-section pair, from its exact Jaccard.
const pasted = [...planted].filter(([, kind]) => kind.includes("pasted")).map(([key]) => flagged.get(key)).filter((p) => p !== undefined);
if (pasted.length) {
  const js = pasted.map((p) => p.jaccard).sort((x, y) => x - y);
  const lsh = (j: number) => 1 - (1 - j ** 4) ** 32;
  console.log(`Pasted sections: Jaccard ${js[0].toFixed(3)}–${js[js.length - 1].toFixed(3)}; MinHash LSH (32×4) would make them candidates with probability ${lsh(js[0]).toExponential(1)}–${lsh(js[js.length - 1]).toExponential(1)}.`);
}

// The margin: every candidate pair of the first 200 proposals, scored as if flagged.
const sample = batch.slice(0, Math.min(200, NEW));
const background = findSimilar(index, sample, { minSharedShingles: 1, minPassageWords: 1 })
  .filter((p) => !planted.has(pairKey(p.a, p.b)));
const top = (xs: number[]) => (xs.length ? Math.max(...xs) : 0);
console.log(`Background (unplanted candidate pairs of ${sample.length} proposals, ${background.length} pairs): highest similarity ${top(background.map((p) => p.similarity)).toFixed(1)}%, longest shared passage ${top(background.map((p) => p.passages[0]?.words ?? 0))} words.`);

const indexBytes = Object.values(index.postings).reduce((n, a: Uint32Array) => n + a.byteLength, 0);
console.log(`\nMemory (heap used + typed arrays): ${mb(heapBefore)} with the texts loaded, ${mb(heapIndex)} with the index (its arrays ${mb(indexBytes)}), ${mb(heapAfter)} after screening; rss ${mb(process.memoryUsage().rss)}.`);
