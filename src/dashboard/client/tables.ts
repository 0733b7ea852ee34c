// Each chart's data as a table inside its <details>, built the first time it is opened (so a
// page with 5,000 runs does not build 20,000 rows nobody asked for). Cells are textContent;
// commit links are rebuilt from validated SHAs (links.ts).
import { energyKwh, fmt, massG, massKg, metricValue, utcDay } from '../format.js';
import { commitUrl, pullUrl } from '../links.js';
import type { BudgetChartData, ScenarioPageData } from '../page-data.js';
import { el, repoOf } from './dom.js';

type Cell = string | Node;

function table(caption: string, head: string[], rows: Cell[][], numeric: (col: number) => boolean): HTMLTableElement {
  const thead = el('thead', {}, el('tr', {}, ...head.map((h, i) => el('th', { scope: 'col', class: numeric(i) ? 'num' : null }, h))));
  const tbody = el('tbody');
  for (const r of rows) tbody.append(el('tr', {}, ...r.map((c, i) => el('td', { class: numeric(i) ? 'num' : null }, c))));
  return el('table', {}, el('caption', {}, caption), thead, tbody);
}

function commitCell(d: ScenarioPageData, i: number): Cell {
  const sha = d.runs.sha[i] ?? null;
  const pr = d.runs.pr[i] ?? null;
  const frag = document.createDocumentFragment();
  if (sha) {
    const url = commitUrl(repoOf(d, i), sha);
    const code = el('code', {}, sha.slice(0, 7));
    frag.append(url ? el('a', { href: url }, code) : code);
  } else {
    const id = d.runs.run_id[i];
    frag.append(id ? `run ${id}` : '—');
  }
  if (pr !== null) {
    const url = pullUrl(repoOf(d, i), pr);
    frag.append(' (', url ? el('a', { href: url }, `#${pr}`) : `#${pr}`, ')');
  }
  return frag;
}

function runRows(d: ScenarioPageData, cells: (i: number) => Cell[]): Cell[][] {
  return d.runs.t.map((t, i) => [String(i + 1), utcDay(t), commitCell(d, i), ...cells(i)]);
}

export function perFuTable(d: ScenarioPageData): HTMLTableElement {
  const r = d.runs;
  return table(
    `g CO2e per functional unit${d.functional_unit ? ` (${d.functional_unit})` : ''}, one row per run, oldest first`,
    ['#', 'Date (UTC)', 'Commit', 'g CO2e / FU', 'Low', 'High', 'Budget', 'Warn level', 'Verdict'],
    runRows(d, (i) => [
      massG(r.per_fu_g[i]),
      massG(r.per_fu_g_low[i]),
      massG(r.per_fu_g_high[i]),
      massG(r.budget_max_g[i]),
      massG(r.budget_warn_g[i]),
      r.verdict[i] ?? '—',
    ]),
    (c) => c === 0 || (c >= 3 && c <= 7),
  );
}

export function stageTable(d: ScenarioPageData, what: 'energy' | 'co2e'): HTMLTableElement {
  const raw = what === 'energy' ? d.stages.energy_kwh : d.stages.co2e_kg;
  const f = what === 'energy' ? energyKwh : massKg;
  const last = 3 + d.stages.names.length;
  return table(
    what === 'energy' ? 'Facility energy per stage, one row per run' : 'CO2e per stage, one row per run',
    ['#', 'Date (UTC)', 'Commit', ...d.stages.names, 'Total'],
    runRows(d, (i) => [...raw.map((col) => f(col[i])), f(what === 'energy' ? d.runs.energy_kwh[i] : d.runs.co2e_kg[i])]),
    (c) => c === 0 || (c >= 3 && c <= last),
  );
}

export function lifetimeTable(d: ScenarioPageData): HTMLTableElement | null {
  const lt = d.lifetime;
  if (!lt) return null;
  const mark = (x: number) => (x === lt.breakeven_inferences ? 'breakeven' : x === lt.lifetime_inferences ? "scenario's lifetime" : '');
  return table(
    `Lifetime curve of run ${lt.run + 1}`,
    ['Lifetime inferences', 'g CO2e / FU', 'Mark'],
    lt.inferences.map((x, i) => [fmt(x), massG(lt.per_fu_g[i]), mark(x)]),
    (c) => c < 2,
  );
}

export function budgetTable(b: BudgetChartData): HTMLTableElement {
  return table(
    `${b.label}: cumulative spend at the end of each UTC day`,
    ['Day (UTC)', 'Cumulative spend', 'Budget'],
    b.date.map((date, i) => [date, metricValue(b.cumulative[i], b.metric), b.max === null ? '—' : metricValue(b.max, b.metric)]),
    (c) => c > 0,
  );
}
