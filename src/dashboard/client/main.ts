// The dashboard's script (assets/dashboard.js): reads the page's data block, draws its charts
// with uPlot, builds each data table when its <details> is first opened, and redraws when the
// colour scheme or the width changes. Bundled by scripts/build-dashboard-assets.mjs into
// src/dashboard/assets.generated.ts; runs from file:// and GitHub Pages alike (no fetch).
import type { BudgetChartData, PageData, ScenarioPageData } from '../page-data.js';
import { budgetChart, type ChartSpec, lifetimeChart, perFuChart, stageChart } from './charts.js';
import { attach, type Mounted } from './interact.js';
import { budgetTable, lifetimeTable, perFuTable, stageTable } from './tables.js';

declare global {
  interface Window {
    /** The drawn charts by id, for the browser tests and anyone scripting the page. */
    mlLcaCharts?: Record<string, uPlot>;
  }
}

interface Entry {
  spec: ChartSpec;
  table: () => HTMLTableElement | null;
}

function scenarioEntries(d: ScenarioPageData): Entry[] {
  const out: Entry[] = [
    { spec: perFuChart(d), table: () => perFuTable(d) },
    { spec: stageChart(d, 'energy'), table: () => stageTable(d, 'energy') },
    { spec: stageChart(d, 'co2e'), table: () => stageTable(d, 'co2e') },
  ];
  const lt = lifetimeChart(d);
  if (lt) out.push({ spec: lt, table: () => lifetimeTable(d) });
  return [...out, ...d.budgets.map(budgetEntry)];
}

function budgetEntry(b: BudgetChartData): Entry {
  const spec = budgetChart(b);
  spec.id = `${b.id}-chart`;
  return { spec, table: () => budgetTable(b) };
}

function readData(): PageData | null {
  const node = document.getElementById('ml-lca-data');
  if (!node?.textContent) return null;
  return JSON.parse(node.textContent) as PageData;
}

function widthOf(box: HTMLElement): number {
  return Math.max(280, Math.floor(box.clientWidth - 10));
}

function boot(): void {
  const data = readData();
  if (!data) return;
  const entries = data.kind === 'scenario' ? scenarioEntries(data) : data.charts.map(budgetEntry);
  const mounted = new Map<string, Mounted>();
  const charts: Record<string, uPlot> = {};
  window.mlLcaCharts = charts;

  const draw = (e: Entry) => {
    const box = document.getElementById(`chart-${e.spec.id}`);
    if (!box) return;
    mounted.get(e.spec.id)?.plot.destroy();
    const plot = new uPlot(e.spec.opts(widthOf(box)), e.spec.data, box);
    const m: Mounted = { spec: e.spec, plot, index: mounted.get(e.spec.id)?.index ?? null };
    mounted.set(e.spec.id, m);
    charts[e.spec.id] = plot;
    attach(m, box, document.getElementById(`status-${e.spec.id}`));
  };
  for (const e of entries) {
    draw(e);
    const details = document.querySelector<HTMLDetailsElement>(`details[data-table="${e.spec.id}"]`);
    details?.addEventListener('toggle', () => {
      const wrap = details.querySelector('.table-wrap');
      if (!details.open || !wrap || wrap.childElementCount > 0) return;
      const t = e.table();
      if (t) wrap.append(t);
    });
  }

  // Light / dark: the canvas colours are read from CSS variables when drawn, so redraw.
  const scheme = window.matchMedia('(prefers-color-scheme: dark)');
  scheme.addEventListener('change', () => {
    for (const e of entries) draw(e);
  });
  // Follow the container's width (window resize, zoom).
  if ('ResizeObserver' in window) {
    const ro = new ResizeObserver(() => {
      for (const m of mounted.values()) {
        const box = m.plot.root.parentElement;
        if (box) {
          const w = widthOf(box);
          if (Math.abs(w - m.plot.width) > 2) m.plot.setSize({ width: w, height: m.plot.height });
        }
      }
    });
    for (const e of entries) {
      const box = document.getElementById(`chart-${e.spec.id}`);
      if (box) ro.observe(box);
    }
  }
  document.body.setAttribute('data-ready', 'true');
  // For bench/dashboard.ts: when the charts were drawn, on the page's own clock.
  performance.mark('ml-lca-ready');
}

boot();
