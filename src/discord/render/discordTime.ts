/** A Discord timestamp tag (each reader sees it in their own time zone), or null for an unreadable time. */
export function discordTime(iso: string, style: 'R' | 'f'): string | null {
  const seconds = Math.floor(Date.parse(iso) / 1000);
  return Number.isFinite(seconds) ? `<t:${seconds}:${style}>` : null;
}
