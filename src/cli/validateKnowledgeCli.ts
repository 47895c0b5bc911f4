import { readEngineConfig } from '../config/engineConfig.js';
import { validateKnowledge } from '../knowledge/validateKnowledge.js';
import { forTerminal } from '../util/forTerminal.js';
import { type Cli, type CliIo, runAsScript } from './runCli.js';

const USAGE = `usage: npm run validate-knowledge
  checks every document in KNOWLEDGE_DIR (from the environment or .env, default: knowledge) and
  aliases.txt the way a reindex reads them; lists skipped files with the reason, and ignored ones
  (subfolders, hidden files, other kinds of file); exits 1 if anything is skipped`;

async function main(io: CliIo): Promise<number> {
  // Configured as reindex is, so both look at the same folder.
  const { knowledgeDir } = readEngineConfig(io.env, 'warn');
  const { ok, lines } = await validateKnowledge(knowledgeDir);
  io.stdout.write(`${forTerminal(lines.join('\n'))}\n`);
  return ok ? 0 : 1;
}

export const validateKnowledgeCli: Cli = { usage: USAGE, main };

runAsScript(import.meta.url, validateKnowledgeCli);
