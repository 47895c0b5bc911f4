import { readEngineConfig } from '../config/engineConfig.js';
import { readFetchConfig } from '../config/fetchConfig.js';
import { describeReport } from '../engine/reindexReport.js';
import { IngestError } from '../ingest/errors.js';
import { readArticleAt } from '../ingest/readArticleAt.js';
import { addArticle } from '../intake/addArticle.js';
import { wasAdded } from '../intake/addReport.js';
import { createLogger } from '../log/createLogger.js';
import { forTerminal } from '../util/forTerminal.js';
import { describePreview, refusalText } from './addUrlReport.js';
import { parseCliArgs } from './cliArgs.js';
import { UsageError } from './errors.js';
import { openEngine } from './openEngine.js';
import { type Cli, type CliIo, runAsScript } from './runCli.js';

const USAGE = `usage: npm run add-url -- URL [--replace]
  fetches the article at URL (http or https; at most 5 redirects, 10 s, 5 MB), reads its text and
  metadata off the page, writes it to KNOWLEDGE_DIR under a name of its own, keeps the page in
  DATA_DIR/snapshots, and reindexes. An article already in the knowledge (same URL, or same text) is
  refused; --replace replaces the document with the same URL. Private and loopback addresses are
  refused unless FETCH_ALLOW_PRIVATE=true`;

function parseAddUrlArgs(argv: readonly string[]): { url: string; replace: boolean } {
  const { values, positionals } = parseCliArgs(argv, {
    options: { replace: { type: 'boolean' } },
    allowPositionals: true,
  });
  const [url, ...more] = positionals;
  if (url === undefined) throw new UsageError('give the address of the article');
  if (more.length > 0) throw new UsageError('give one address at a time');
  return { url, replace: values.replace ?? false };
}

async function main(io: CliIo): Promise<number> {
  const { url, replace } = parseAddUrlArgs(io.argv);
  const { knowledgeDir, dataDir, logLevel } = readEngineConfig(io.env, 'warn');
  const { allowPrivate } = readFetchConfig(io.env);
  const out = (text: string) => io.stdout.write(`${forTerminal(text)}\n`);

  const log = createLogger({ level: logLevel, destination: io.stderr });
  const { page, prepared } = await readArticleAt(url, { allowPrivate, log });
  const engine = await openEngine(io, 'warn');
  const added = await addArticle({ prepared, page, replace }, { config: { knowledgeDir, dataDir }, engine });
  if (!wasAdded(added))
    throw new IngestError(
      added.kind === 'changed-meanwhile' ? 'conflict' : 'duplicate',
      refusalText(added, replace),
    );

  out(`${added.kind === 'replaced' ? 'Replaced' : 'Added'} ${added.file}`);
  out(describePreview({ ...prepared.preview, file: added.file }));
  if (added.snapshot?.kind === 'saved') out(`  ${'snapshot:'.padEnd(11)}${added.snapshot.page}`);
  else if (added.snapshot)
    io.stderr.write(`${forTerminal(`warning: the page snapshot was not saved (${added.snapshot.error})`)}\n`);
  if (added.reindex.kind === 'failed') throw added.reindex.error;
  const { report } = added.reindex;
  out(describeReport(report));
  return report.saved ? 0 : 1;
}

export const addUrlCli: Cli = { usage: USAGE, main };

runAsScript(import.meta.url, addUrlCli);
