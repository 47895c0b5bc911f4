import type { DiscordLatencyResults, DiscordSizeResult, SizeResult } from './results.js';
import { formatMs, formatNumber, formatSize } from './table.js';

interface DiscordRow {
  metric: string;
  text: (d: DiscordSizeResult) => string;
}

const pair = (a: number, b: number) => `${formatMs(a)} / ${formatMs(b)}`;

const ROWS: readonly DiscordRow[] = [
  { metric: 'discord /ask latency p50/p99 (ms)', text: (d) => pair(d.ask.p50, d.ask.p99) },
  { metric: 'discord autocomplete p50/p99 (ms)', text: (d) => pair(d.autocomplete.p50, d.autocomplete.p99) },
  { metric: 'discord /ask answered / not found', text: (d) => `${d.answered} / ${d.notFound}` },
];

/** Rows for the main table, in its column layout (<size> ours | <size> plain | ratio); plain is n/a. */
export function discordRows(sizes: readonly SizeResult[], discord: DiscordLatencyResults): string[][] {
  return ROWS.map((row) => {
    const cells = [row.metric];
    for (const size of sizes) {
      const d = discord.sizes.find((s) => s.requestedPassages === size.requestedPassages);
      cells.push(d ? row.text(d) : 'n/a', 'n/a', '—');
    }
    return cells;
  });
}

const spread = (s: { p50: number; p90: number; p99: number; max: number }) =>
  `p50 ${formatMs(s.p50)}, p90 ${formatMs(s.p90)}, p99 ${formatMs(s.p99)}, max ${formatMs(s.max)}`;

function sizeLines(d: DiscordSizeResult): string[] {
  const label = formatSize(d.requestedPassages);
  const others = Object.entries(d.otherOutcomes).map(([k, n]) => `, ${k} ${n}`);
  const slow = (list: DiscordSizeResult['slowestAsks'] | undefined) =>
    (list ?? []).map((q) => `${formatMs(q.ms)} (bot ${formatMs(q.botMs)}) "${q.query}"`).join('; ');
  return [
    `  ${label}: bot ready in ${formatNumber(d.startupMs)} ms with ${formatNumber(d.passages)} passages` +
      ` (${d.prebuiltIndex ? 'prebuilt index' : 'index built at start'}; not timed below)`,
    `    /ask round trip:         ${spread(d.ask)} ms; answered ${d.answered}, not found ${d.notFound}${others.join('')}`,
    `    /ask bot latencyMs:      ${spread(d.askBot)} ms`,
    `    autocomplete round trip: ${spread(d.autocomplete)} ms; ${formatNumber(d.meanChoices, 1)} choices on average, ${d.emptyAutocompletes} with none`,
    `    autocomplete bot:        ${spread(d.autocompleteBot)} ms`,
    `    slowest /ask (ms): ${slow(d.slowestAsks)}`,
    `    slowest autocomplete (ms): ${slow(d.slowestAutocompletes)}`,
  ];
}

/** The Discord figures in detail: round trips beside the bot's own latencyMs, outcomes, failures. */
export function discordLines(discord: DiscordLatencyResults): string {
  const lines = [
    `Discord through the local emulator (real bot process, loopback; ${discord.interactions} /ask and ` +
      `${discord.interactions} autocompletes per size after ${discord.warmup} untimed of each; ` +
      `round trip = INTERACTION_CREATE dispatched → final reply received; ` +
      `bot latencyMs = the bot's handler start → its reply acknowledged):`,
    ...discord.sizes.flatMap(sizeLines),
    ...discord.failures.map((f) => `  ${formatSize(f.requestedPassages)}: FAILED: ${f.error}`),
  ];
  return lines.join('\n');
}
