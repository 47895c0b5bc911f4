/** A plain-text table: columns padded to their widest cell, text left-aligned, numbers right-aligned. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const numeric = /^[-+×]?[\d.,]+|^n\/a$|^—$/;
  const line = (cells: readonly string[]) =>
    widths
      .map((w, c) => {
        const cell = cells[c] ?? '';
        return c > 0 && numeric.test(cell) ? cell.padStart(w) : cell.padEnd(w);
      })
      .join(' | ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

/** Milliseconds with precision that suits their size. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 100) return Math.round(ms).toLocaleString('en-US');
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

export function formatNumber(n: number, decimals = 0): string {
  if (!Number.isFinite(n)) return 'n/a';
  return n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** ours / plain, as "×2.5" (ours more) or "×0.40" (ours less); "—" when either is missing or plain is 0. */
export function formatRatio(ours: number | undefined, plain: number | undefined): string {
  if (
    ours === undefined ||
    plain === undefined ||
    !Number.isFinite(ours) ||
    !Number.isFinite(plain) ||
    plain === 0
  )
    return '—';
  const r = ours / plain;
  return `×${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toFixed(2)}`;
}

/** 1000 → "1k", 100000 → "100k", 500 → "500". */
export function formatSize(passages: number): string {
  return passages >= 1000 && passages % 1000 === 0 ? `${passages / 1000}k` : String(passages);
}
