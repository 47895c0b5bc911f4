import { UsageError } from '../src/cli/usageError.js';

export interface BenchArgs {
  sizes: number[];
  queries: number;
  seed: number;
  /** Time /ask and autocomplete through the real bot and the Discord emulator (off with --no-discord). */
  discord: boolean;
}

export const DEFAULT_SIZES = [10_000, 100_000];
export const QUICK_SIZES = [1_000, 10_000];
export const DEFAULT_QUERIES = 300;
export const DEFAULT_SEED = 20200809;
const MAX_PASSAGES = 200_000;
const MAX_QUERIES = 10_000;

export const BENCH_USAGE = `usage: npm run bench -- [--sizes 10000,100000] [--queries N] [--quick] [--seed N] [--no-discord]
  --sizes       corpus sizes in passages, comma-separated (default 10000,100000; at most ${MAX_PASSAGES})
  --queries     timed queries per side and size (default ${DEFAULT_QUERIES}, at least 1)
  --quick       sizes 1000,10000, for trying it out
  --seed        seed of the synthetic corpus and the query variants (default ${DEFAULT_SEED})
  --no-discord  skip the Discord figures (the real bot against the local emulator, at every size)`;

function wholeNumber(option: string, value: string | undefined, min: number, max: number): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${option} takes a whole number from ${min} to ${max} (got "${value ?? ''}")`);
  return n;
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = {
    sizes: DEFAULT_SIZES,
    queries: DEFAULT_QUERIES,
    seed: DEFAULT_SEED,
    discord: true,
  };
  let sizesGiven = false;
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] ?? '';
    if (raw === '--') continue;
    const [name, inline] = raw.includes('=')
      ? [raw.slice(0, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)]
      : [raw];
    const value = () => inline ?? argv[++i];
    if (name === '--quick') quick = true;
    else if (name === '--no-discord') args.discord = false;
    else if (name === '--sizes') {
      const list = value();
      args.sizes = (list ?? '').split(',').map((s) => wholeNumber('--sizes', s.trim(), 100, MAX_PASSAGES));
      sizesGiven = true;
    } else if (name === '--queries') args.queries = wholeNumber('--queries', value(), 1, MAX_QUERIES);
    else if (name === '--seed') args.seed = wholeNumber('--seed', value(), 0, 2 ** 32 - 1);
    else throw new UsageError(`unknown option ${raw}`);
  }
  if (quick && sizesGiven) throw new UsageError('--quick and --sizes do not go together');
  if (quick) args.sizes = QUICK_SIZES;
  args.sizes = [...new Set(args.sizes)].sort((a, b) => a - b);
  return args;
}
