/**
 * `tsx bench/bundle-budget.ts [--check] [--dist <dir>]`: gzip sizes of the JavaScript of the list
 * route and of the editor route, against their budgets. `--check` exits 1 when one is over.
 *
 * It reads `<dist>/.vite/manifest.json` when the build in `dist/` has one (vite.config.ts with
 * `build.manifest: true`); otherwise it makes its own production build with a manifest in a
 * temporary folder (about 2 s), so it works after a plain `vite build` too.
 */
import { rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import {
  analyzeBundle,
  buildWithManifest,
  EDITOR_BUDGET_KB,
  hasMatchingManifest,
  kb,
  LIST_BUDGET_KB,
  ON_USE_BUDGET_KB,
  type BundleReport,
} from './lib/bundle';

export function formatBundle(report: BundleReport): string {
  const lines: string[] = [];
  const section = (title: string, part: BundleReport['list'], budget: number) => {
    const ok = kb(part.gzipBytes) <= budget;
    lines.push(`${title}: ${kb(part.gzipBytes)} KB gzip (budget ${budget} KB) ${ok ? 'ok' : 'OVER BUDGET'}`);
    for (const f of [...part.files].sort((a, b) => b.gzipBytes - a.gzipBytes))
      lines.push(
        `  ${f.file.padEnd(48)} ${String(kb(f.bytes)).padStart(7)} KB  ${String(kb(f.gzipBytes)).padStart(6)} KB gzip`,
      );
  };
  section('List route JavaScript', report.list, LIST_BUDGET_KB);
  section('Editor route JavaScript', report.editor, EDITOR_BUDGET_KB);
  lines.push('Loaded from the editor on use (not part of opening it):');
  for (const group of report.onUse) section(`  ${group.name}`, group, ON_USE_BUDGET_KB);
  return lines.join('\n');
}

export function overBudget(report: BundleReport): string[] {
  const over: string[] = [];
  if (kb(report.list.gzipBytes) > LIST_BUDGET_KB)
    over.push(`list route ${kb(report.list.gzipBytes)} KB > ${LIST_BUDGET_KB} KB`);
  if (kb(report.editor.gzipBytes) > EDITOR_BUDGET_KB)
    over.push(`editor route ${kb(report.editor.gzipBytes)} KB > ${EDITOR_BUDGET_KB} KB`);
  for (const group of report.onUse)
    if (kb(group.gzipBytes) > ON_USE_BUDGET_KB)
      over.push(`on use, ${group.name}: ${kb(group.gzipBytes)} KB > ${ON_USE_BUDGET_KB} KB`);
  return over;
}

async function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const distArg = args.indexOf('--dist');
  const dist = resolve(distArg >= 0 ? args[distArg + 1]! : 'dist');
  let outDir = dist;
  let temporary = false;
  if (!hasMatchingManifest(dist)) {
    console.log(`No build manifest in ${dist}: building with a manifest into a temporary folder`);
    outDir = await buildWithManifest();
    temporary = true;
  }
  try {
    const report = analyzeBundle(outDir);
    console.log(formatBundle(report));
    const over = overBudget(report);
    if (check && over.length > 0) {
      console.error(`JavaScript budget exceeded: ${over.join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    if (temporary) rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
