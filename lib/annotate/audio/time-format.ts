// Times as an annotator reads and types them: 1:02:03.450, 2:03.4, 12.5.

/** `t` seconds as [h:]mm:ss.fff (hours only when there are any); `decimals` after the point. */
export function formatTime(t: number, decimals = 3): string {
  const sign = t < 0 ? '-' : '';
  const scale = 10 ** decimals;
  const total = Math.round(Math.abs(t) * scale) / scale;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = (total % 60).toFixed(decimals).padStart(decimals > 0 ? decimals + 3 : 2, '0');
  const mm = hours > 0 ? String(minutes).padStart(2, '0') : String(minutes);
  return `${sign}${hours > 0 ? `${hours}:` : ''}${mm}:${seconds}`;
}

/** What a person typed into a time box: `83.5`, `1:23.5`, `1:01:23`; null when it is not a time. */
export function parseTime(text: string): number | null {
  const parts = text.trim().split(':');
  if (parts.length > 3 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) return null;
  // Only the last part may have a fraction, and minutes and seconds after a colon stay under 60.
  if (parts.slice(0, -1).some((p) => p.includes('.'))) return null;
  const numbers = parts.map(Number);
  if (numbers.slice(1).some((n) => n >= 60)) return null;
  return numbers.reduce((total, n) => total * 60 + n, 0);
}
