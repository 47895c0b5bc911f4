import { discordLines, discordRows } from './discordReport.js';
import type { BenchResults, DiscordLatencyResults, SideResult, SizeResult } from './results.js';
import { formatMs, formatNumber, formatRatio, formatSize, formatTable } from './table.js';
import type { TargetCheck } from './targets.js';

interface Row {
  metric: string;
  value: (side: SideResult, size: SizeResult) => number | undefined;
  format: (n: number) => string;
  /** Extra text after our value (the reindex mode). */
  note?: (side: SideResult) => string | undefined;
}

const mb = (n: number) => formatNumber(n, 1);
const bytesMB = (n: number) => n / (1024 * 1024);

const ROWS: readonly Row[] = [
  { metric: 'passages', value: (_, s) => s.passages, format: (n) => formatNumber(n) },
  { metric: 'full reindex (ms)', value: (s) => s.fullReindexMs, format: formatMs },
  {
    metric: 'incremental, 1 document (ms)',
    value: (s) => s.incrementalMs,
    format: formatMs,
    note: (s) =>
      s.incrementalRuns && s.incrementalRuns > 1
        ? `${s.incrementalMode}, median of ${s.incrementalRuns}`
        : s.incrementalMode,
  },
  { metric: '  the first in the process (ms)', value: (s) => s.incrementalFirstMs, format: formatMs },
  { metric: '  serving after (ms)', value: (s) => s.incrementalApplyMs, format: formatMs },
  { metric: '  saving (ms)', value: (s) => s.incrementalSaveMs, format: formatMs },
  { metric: 'rollback to the previous index (ms)', value: (s) => s.rollbackMs, format: formatMs },
  { metric: 'load (ms)', value: (s) => s.loadMs, format: formatMs },
  { metric: 'first answer after load (ms)', value: (s) => s.firstAnswerMs, format: formatMs },
  { metric: 'first 100 queries p50 (ms)', value: (s) => s.firstQueries?.p50, format: formatMs },
  { metric: 'load + sync with files (ms)', value: (s) => s.loadSyncMs, format: formatMs },
  { metric: 'index on disk (MB)', value: (s) => bytesMB(s.diskBytes), format: mb },
  { metric: 'peak RSS, build child (MB)', value: (s) => s.peakRssBuildMB, format: mb },
  { metric: '  before the breakdown (MB)', value: (s) => s.peakRssBeforeBreakdownMB, format: mb },
  { metric: 'peak RSS, load child (MB)', value: (s) => s.peakRssLoadMB, format: mb },
  { metric: 'peak RSS, rollback child (MB)', value: (s) => s.peakRssRollbackMB, format: mb },
  { metric: 'RSS after load (MB)', value: (s) => s.rssAfterLoadMB, format: mb },
  { metric: 'query p50 (ms)', value: (s) => s.queries.p50, format: formatMs },
  { metric: 'query p90 (ms)', value: (s) => s.queries.p90, format: formatMs },
  { metric: 'query p99 (ms)', value: (s) => s.queries.p99, format: formatMs },
  { metric: 'query max (ms)', value: (s) => s.queries.max, format: formatMs },
  { metric: 'max block: full reindex (ms)', value: (s) => s.fullReindexBlockMs, format: formatMs },
  { metric: 'max block: incremental (ms)', value: (s) => s.incrementalBlockMs, format: formatMs },
  { metric: 'max block: rollback (ms)', value: (s) => s.rollbackBlockMs, format: formatMs },
  { metric: 'max block: load (ms)', value: (s) => s.loadBlockMs, format: formatMs },
  { metric: 'max block: load + sync (ms)', value: (s) => s.loadSyncBlockMs, format: formatMs },
  {
    metric: 'answered queries (%)',
    value: (s) => (s.answeredShare ?? Number.NaN) * 100,
    format: (n) => n.toFixed(0),
  },
  { metric: 'results per query', value: (s) => s.meanResults, format: (n) => formatNumber(n) },
];

function cell(
  row: Row,
  side: SideResult | null,
  size: SizeResult,
): { text: string; value: number | undefined } {
  if (side === null) return { text: row.metric === 'passages' ? 'not run' : '—', value: undefined };
  const value = row.value(side, size);
  if (value === undefined || !Number.isFinite(value)) return { text: 'n/a', value: undefined };
  const note = row.note?.(side);
  return { text: note ? `${row.format(value)} (${note})` : row.format(value), value };
}

/** metric | <size> ours | <size> plain | ratio | … for every size measured. */
export function resultTable(sizes: readonly SizeResult[], discord?: DiscordLatencyResults): string {
  const header = ['metric'];
  for (const s of sizes) {
    const label = formatSize(s.requestedPassages);
    header.push(`${label} ours`, `${label} plain`, 'ratio');
  }
  const rows = ROWS.map((row) => {
    const cells = [row.metric];
    for (const size of sizes) {
      const ours = cell(row, size.ours, size);
      const plain = cell(row, size.plain, size);
      cells.push(
        ours.text,
        plain.text,
        row.metric === 'passages' ? '—' : formatRatio(ours.value, plain.value),
      );
    }
    return cells;
  });
  if (discord) rows.push(...discordRows(sizes, discord));
  return formatTable(header, rows);
}

export function targetLines(passages: number, checks: readonly TargetCheck[]): string {
  const rows = checks.map((c) => [
    c.metric,
    `≤ ${formatNumber(c.limit)} ${c.unit}`,
    `${c.unit === 'MB' ? mb(c.value) : formatMs(c.value)} ${c.unit}`,
    c.met ? 'met' : 'MISSED',
  ]);
  const title = `Targets at ${formatSize(passages)} passages (ours):`;
  return `${title}\n${formatTable(['target', 'limit', 'measured', ''], rows)}`;
}

export function breakdownLines(sizes: readonly SizeResult[]): string {
  const lines: string[] = [];
  for (const s of sizes) {
    const b = s.ours.breakdown;
    if (!b) continue;
    const parts = Object.entries(b).map(([k, v]) => `${k.replace(/Ms$/, '')} ${formatMs(v)}`);
    lines.push(`  ${formatSize(s.requestedPassages)}: ${parts.join(', ')} (ms)`);
  }
  return lines.length > 0
    ? `Our full rebuild, step by step (beside the serving index):\n${lines.join('\n')}`
    : '';
}

export function slowestLines(sizes: readonly SizeResult[]): string {
  const lines: string[] = [];
  for (const s of sizes) {
    for (const [side, r] of [
      ['ours', s.ours],
      ['plain', s.plain],
    ] as const) {
      if (r === null) continue;
      const slow = r.slowestQueries.map((q) => `${formatMs(q.ms)} "${q.query}"`).join('; ');
      lines.push(`  ${formatSize(s.requestedPassages)} ${side}: ${slow}`);
    }
  }
  return `Slowest queries (ms):\n${lines.join('\n')}`;
}

export function fullReport(results: BenchResults): string {
  const parts = [
    resultTable(results.sizes, results.discord),
    ...results.targets.map((t) => targetLines(t.passages, t.checks)),
  ];
  const problems = results.sizes.flatMap((s) =>
    s.problems.map((p) => `  ${formatSize(s.requestedPassages)}: ${p}`),
  );
  if (problems.length > 0) parts.push(`PROBLEMS (figures suspect):\n${problems.join('\n')}`);
  const breakdown = breakdownLines(results.sizes);
  if (breakdown) parts.push(breakdown);
  if (results.discord) parts.push(discordLines(results.discord));
  parts.push(slowestLines(results.sizes));
  return parts.join('\n\n');
}
