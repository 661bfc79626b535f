/** The bench's table (console and Markdown) and `bench/results.json`. */
import { cpus, freemem, loadavg, release, totalmem, type as osType } from 'node:os';
import { round } from './stats';

export interface Figure {
  figure: string;
  unit: string;
  median: number;
  p95: number;
  samples: number;
  /** The value compared with the target, and which statistic it is. */
  measured: number;
  measuredAs: string;
  target: string;
  /** null: reported only, no target. */
  pass: boolean | null;
  note?: string;
  /** The same statistic measured on the figure's floor in the same run, and measured ÷ floor. */
  floor?: { name: string; measured: number; ratio: number };
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
}

export function machine(chromium: string): Machine {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGiB: round(totalmem() / 1024 ** 3, 1),
    os: `${osType()} ${release()}`,
    node: process.version,
    chromium,
  };
}

export const freeMemoryGiB = () => round(freemem() / 1024 ** 3, 1);
/** The 1-minute load average: other work on the machine skews every timing. */
export const load1 = () => round(loadavg()[0]!, 2);

const fmt = (value: number, unit: string) => {
  if (!Number.isFinite(value)) return '—';
  const digits = unit === 'req/s' || unit === 'score' ? 0 : unit === 'KB' || Math.abs(value) < 100 ? 1 : 0;
  const text = value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  return unit === 'score' ? text : `${text} ${unit}`;
};
const verdict = (f: Figure) => (f.pass === null ? 'info' : f.pass ? 'pass' : 'FAIL');

function rows(figures: Figure[]): string[][] {
  return figures.map((f) => [
    f.figure,
    fmt(f.median, f.unit),
    fmt(f.p95, f.unit),
    String(f.samples),
    `${fmt(f.measured, f.unit)} (${f.measuredAs})`,
    f.floor ? fmt(f.floor.measured, f.unit) : '—',
    f.floor ? `${f.floor.ratio.toFixed(2)}×` : '—',
    f.target,
    verdict(f),
  ]);
}

const HEADER = ['figure', 'median', 'p95', 'n', 'measured', 'floor', 'ratio', 'target', 'result'];
/** Columns of text (left-aligned); the others are numbers. */
const TEXT_COLUMNS = new Set([0, 7]);

export function consoleTable(figures: Figure[]): string {
  const all = [HEADER, ...rows(figures)];
  const widths = HEADER.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r.map((cell, i) => (TEXT_COLUMNS.has(i) ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...rows(figures).map(line)].join('\n');
}

export function markdownTable(figures: Figure[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map((_, i) => (TEXT_COLUMNS.has(i) ? '---' : '---:')).join('|')}|`,
    ...rows(figures).map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}
