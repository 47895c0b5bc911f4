import { parseCliArgs, wholeNumber } from '../src/cli/cliArgs.js';
import { UsageError } from '../src/cli/errors.js';

export interface BenchArgs {
  sizes: number[];
  queries: number;
  seed: number;
  /** Time /ask and autocomplete through the real bot and the Discord emulator (off with --no-discord). */
  discord: boolean;
  /** Only the HTTP interactions benchmark: signed /ask against one and two replicas (--http). */
  http: boolean;
}

export const DEFAULT_SIZES = [10_000, 100_000];
export const QUICK_SIZES = [1_000, 10_000];
export const DEFAULT_QUERIES = 300;
export const DEFAULT_SEED = 20200809;
const MAX_PASSAGES = 1_000_000;
const MAX_QUERIES = 10_000;

export const BENCH_USAGE = `usage: npm run bench -- [--sizes 10000,100000] [--queries N] [--quick] [--seed N] [--no-discord]
  --sizes       corpus sizes in passages, comma-separated (default 10000,100000; at most ${MAX_PASSAGES})
  --queries     timed queries per side and size (default ${DEFAULT_QUERIES}, at least 1)
  --quick       sizes 1000,10000, for trying it out
  --seed        seed of the synthetic corpus and the query variants (default ${DEFAULT_SEED})
  --no-discord  skip the Discord figures (the real bot against the local emulator, at every size)
  --http        instead: signed /ask interactions against one and two replicas in HTTP mode on PostgreSQL,
                at rising rates; throughput at p99 <= 100 ms and errors (about 2 minutes)`;

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseCliArgs(argv, {
    options: {
      sizes: { type: 'string' },
      queries: { type: 'string' },
      quick: { type: 'boolean' },
      seed: { type: 'string' },
      'no-discord': { type: 'boolean' },
      http: { type: 'boolean' },
    },
  });
  if (values.http && (values.quick || values.sizes !== undefined || values['no-discord']))
    throw new UsageError('--http runs on its own: without --quick, --sizes or --no-discord');
  if (values.quick && values.sizes !== undefined)
    throw new UsageError('--quick and --sizes do not go together');
  const sizes =
    values.sizes === undefined
      ? values.quick
        ? QUICK_SIZES
        : DEFAULT_SIZES
      : values.sizes.split(',').map((s) => wholeNumber('--sizes', s.trim(), 100, MAX_PASSAGES));
  return {
    sizes: [...new Set(sizes)].sort((a, b) => a - b),
    queries:
      values.queries === undefined
        ? DEFAULT_QUERIES
        : wholeNumber('--queries', values.queries, 1, MAX_QUERIES),
    seed: values.seed === undefined ? DEFAULT_SEED : wholeNumber('--seed', values.seed, 0, 2 ** 32 - 1),
    discord: !values['no-discord'],
    http: values.http ?? false,
  };
}
