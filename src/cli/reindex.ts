import { describeReport } from '../engine/reindexReport.js';
import { openEngine } from './openEngine.js';
import { runCli } from './runCli.js';
import { UsageError } from './usageError.js';

const USAGE = `usage: npm run reindex -- [--full]
  brings the saved index in DATA_DIR up to date with KNOWLEDGE_DIR (only changed documents are
  re-segmented); --full rebuilds everything`;

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  const unknown = args.find((a) => a !== '--full');
  if (unknown) throw new UsageError(`unknown argument ${unknown}`);
  const engine = await openEngine('warn', false);
  const report = await engine.reindex({ full: args.includes('--full') });
  process.stdout.write(`${describeReport(report)}\n`);
  return report.saved ? 0 : 1;
}

runCli(main, USAGE);
