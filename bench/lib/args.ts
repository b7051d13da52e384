// Tiny command-line parsing for the benchmarks: --name value or --name=value.
export function argValue(name: string, fallback?: string): string | undefined {
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === `--${name}`) return argv[i + 1];
    if (argv[i].startsWith(`--${name}=`)) return argv[i].slice(name.length + 3);
  }
  return fallback;
}

export const hasFlag = (name: string) => process.argv.slice(2).includes(`--${name}`);

/** "10000,100k,1M" → [10000, 100000, 1000000]. */
export function parseSizes(text: string): number[] {
  return text.split(",").map((s) => {
    const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmM]?)\s*$/.exec(s);
    if (!m) throw new Error(`not a size: ${s}`);
    const mult = m[2].toLowerCase() === "k" ? 1_000 : m[2].toLowerCase() === "m" ? 1_000_000 : 1;
    return Math.round(Number(m[1]) * mult);
  });
}
