import type { InstallSeries } from '../../../contract/installs';

const COLUMNS = [
  ['appleIssued', 'Apple issued'],
  ['googleIssued', 'Google issued'],
  ['totalIssued', 'Total issued'],
  ['appleActive', 'Apple active'],
  ['googleActive', 'Google active'],
  ['totalActive', 'Total active'],
] as const;

export const SERIES_COLUMNS = COLUMNS;

/** The series as CSV: one row per point, oldest first, times in ISO 8601 (UTC). */
export function seriesToCsv(series: InstallSeries): string {
  const lines = [['time', ...COLUMNS.map(([, label]) => label)].join(',')];
  series.t.forEach((t, i) => {
    lines.push([new Date(t).toISOString(), ...COLUMNS.map(([key]) => String(series[key][i] ?? ''))].join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}

/** Saves `text` as a file through a temporary link (no server round trip, works offline). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
