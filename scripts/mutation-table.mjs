// Mutation scores per file from Stryker's report (`npm run mutate` writes it), as the markdown
// table the README shows: node scripts/mutation-table.mjs [REPORT.json ...]
// Default: reports/stryker-incremental.json, which holds every file of the last runs
// (per-directory runs add up there). With several reports (runs made apart, e.g. on branches or
// `--force` reruns of `file:line-line` ranges), later reports win: where a file's source is the
// same, mutant by mutant (location, mutator, replacement); where it changed, the whole file.
import { readFileSync } from 'node:fs';

const paths = process.argv.length > 2 ? process.argv.slice(2) : ['reports/stryker-incremental.json'];
const report = { files: {} };
const key = (m) => `${m.location.start.line}:${m.location.start.column}:${m.mutatorName}:${m.replacement}`;
for (const path of paths) {
  for (const [f, v] of Object.entries(JSON.parse(readFileSync(path, 'utf8')).files)) {
    const prev = report.files[f];
    if (prev && prev.source === v.source) {
      const later = new Map(v.mutants.map((m) => [key(m), m]));
      prev.mutants = prev.mutants.map((m) => later.get(key(m)) ?? m);
    } else {
      report.files[f] = { source: v.source, mutants: [...v.mutants] };
    }
  }
}
const parts = [
  ['compare + integrate', (f) => f.startsWith('src/compare/') || f === 'src/ingest/integrate.ts'],
  ['lca (formulas)', (f) => /^src\/lca\/[^/]+$/.test(f)],
  ['lca/interpret', (f) => f.startsWith('src/lca/interpret/')],
];
const zero = () => ({ Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, other: 0 });
const count = (mutants) => {
  const c = zero();
  for (const m of mutants) {
    if (m.status in c) c[m.status]++;
    else c.other++; // CompileError, RuntimeError, Ignored: outside the score
  }
  return c;
};
const score = (c) => {
  const valid = c.Killed + c.Timeout + c.Survived + c.NoCoverage;
  return valid === 0 ? 'n/a' : `${((100 * (c.Killed + c.Timeout)) / valid).toFixed(1)} %`;
};
const row = (name, c, bold = false) => {
  const b = (s) => (bold ? `**${s}**` : String(s));
  return `| ${b(name)} | ${b(c.Killed)} | ${b(c.Timeout)} | ${b(c.Survived)} | ${b(c.NoCoverage)} | ${b(score(c))} |`;
};
const add = (a, b) => {
  for (const k of Object.keys(a)) a[k] += b[k];
  return a;
};
const lines = ['| file | killed | timed out | survived | no coverage | score |', '|---|---:|---:|---:|---:|---:|'];
const all = zero();
for (const [name, inPart] of parts) {
  const files = Object.keys(report.files).filter(inPart).sort();
  if (files.length === 0) continue;
  const total = zero();
  for (const f of files) {
    const c = count(report.files[f].mutants);
    add(total, c);
    lines.push(row(`\`${f}\``, c));
  }
  lines.push(row(name, total, true));
  add(all, total);
}
lines.push(row('whole scope', all, true));
console.log(lines.join('\n'));
