import { validateKnowledge } from '../knowledge/validateKnowledge.js';
import { runCli } from './runCli.js';

const USAGE = `usage: npm run validate-knowledge
  checks every document in KNOWLEDGE_DIR (default: knowledge); exits 1 if any is skipped`;

async function main(): Promise<number> {
  const { ok, lines } = await validateKnowledge(process.env.KNOWLEDGE_DIR || 'knowledge');
  process.stdout.write(`${lines.join('\n')}\n`);
  return ok ? 0 : 1;
}

runCli(main, USAGE);
