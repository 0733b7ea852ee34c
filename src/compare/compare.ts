// Base card vs head card, metric by metric, plus the ISO 14044 consistency check: two results
// compare only when functional unit, system boundary and key factors match; otherwise say so.
import type { z } from 'zod';
import type { ModelCard } from '../report/card-schema.js';
import type { Baseline, ComparedMetric, Comparison } from './schema.js';
import { METRICS, STAGE_FIELDS, valueAtPath } from './metrics.js';
import { count, param, qtyParam } from '../report/format.js';

/** What compareCards reads from a card: only these parts, so older or partial cards work too. */
export type CardForComparison = Pick<ModelCard, 'scenario' | 'stages' | 'totals' | 'per_functional_unit'> & Partial<Pick<ModelCard, 'lifetime'>>;

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function compareMetric(metric: string, base: number | null, head: number | null, better: 'lower' | 'higher' = 'lower'): ComparedMetric {
  const delta = base !== null && head !== null ? head - base : null;
  let pct: number | null = null;
  if (delta !== null && base !== null) {
    if (base !== 0) pct = (delta / Math.abs(base)) * 100;
    else if (delta === 0) pct = 0;
  }
  return { metric, base, head, delta, delta_pct: pct, better };
}

export function compareCards(base: CardForComparison, head: CardForComparison, meta: z.infer<typeof Baseline>): Comparison {
  const metrics: ComparedMetric[] = METRICS.map((m) => compareMetric(m.path, num(valueAtPath(base, m.path)), num(valueAtPath(head, m.path)), m.better));
  const stageNames = [...Object.keys(base.stages), ...Object.keys(head.stages).filter((s) => !(s in base.stages))];
  for (const s of stageNames) {
    for (const f of STAGE_FIELDS) {
      const path = `stages.${s}.${f.field}`;
      metrics.push(compareMetric(path, num(valueAtPath(base, path)), num(valueAtPath(head, path))));
    }
  }
  const { statements, comparable } = consistency(base.scenario, head.scenario);
  return { baseline: meta, metrics, consistency: statements, comparable };
}

type Resolved = ModelCard['scenario'];

const same = (a: number | null | undefined, b: number | null | undefined) =>
  a === b || (typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)));

const diffList = (a: readonly string[], b: readonly string[]) => ({
  onlyBase: a.filter((x) => !b.includes(x)),
  onlyHead: b.filter((x) => !a.includes(x)),
});

/**
 * Statements for each difference in goal, scope or factors. `comparable` turns false when the
 * functional unit, the boundary, the grid intensity, the PUE, the overhead factor or the
 * hardware differ; lifetime inferences, WUE and prices only add a statement.
 */
export function consistency(base: Resolved, head: Resolved): { statements: string[]; comparable: boolean } {
  const out: string[] = [];
  let comparable = true;
  const breaking = (s: string) => {
    out.push(s);
    comparable = false;
  };
  const fuB = base.functional_unit;
  const fuH = head.functional_unit;
  if (fuB.description !== fuH.description || !same(fuB.inferences, fuH.inferences)) {
    breaking(
      `Functional unit differs: base "${fuB.description}" (${count(fuB.inferences)} inferences) vs head "${fuH.description}" (${count(fuH.inferences)} inferences); per-functional-unit results are not comparable.`,
    );
  }
  const st = diffList(base.boundary.stages, head.boundary.stages);
  if (st.onlyBase.length || st.onlyHead.length) {
    breaking(
      `System boundary differs in stages: ${[st.onlyBase.length ? `only in base: ${st.onlyBase.join(', ')}` : '', st.onlyHead.length ? `only in head: ${st.onlyHead.join(', ')}` : ''].filter(Boolean).join('; ')}.`,
    );
  }
  const fl = diffList(base.boundary.flows, head.boundary.flows);
  if (fl.onlyBase.length || fl.onlyHead.length) {
    breaking(
      `System boundary differs in flows: ${[fl.onlyBase.length ? `only in base: ${fl.onlyBase.join(', ')}` : '', fl.onlyHead.length ? `only in head: ${fl.onlyHead.join(', ')}` : ''].filter(Boolean).join('; ')}.`,
    );
  }
  if (!same(base.grid.intensity_g_per_kwh, head.grid.intensity_g_per_kwh)) {
    const where = (r: Resolved) => (r.grid.region ? ` (${r.grid.region})` : '');
    breaking(
      `Grid intensity differs: base ${qtyParam(base.grid.intensity_g_per_kwh, 'g CO2e/kWh')}${where(base)} vs head ${qtyParam(head.grid.intensity_g_per_kwh, 'g CO2e/kWh')}${where(head)}; carbon deltas partly reflect the grid, not the model.`,
    );
  }
  if (!same(base.pue, head.pue))
    breaking(`PUE differs: base ${param(base.pue)} vs head ${param(head.pue)}; energy and carbon deltas partly reflect the facility.`);
  if (!same(base.it_overhead_factor, head.it_overhead_factor)) {
    breaking(`IT overhead factor differs: base ${param(base.it_overhead_factor)} vs head ${param(head.it_overhead_factor)}.`);
  }
  const hB = base.hardware;
  const hH = head.hardware;
  if (hB.model !== hH.model) breaking(`Hardware differs: base ${hB.model} vs head ${hH.model}.`);
  else {
    if (!same(hB.embodied_kg, hH.embodied_kg))
      breaking(
        `Embodied carbon per accelerator differs: base ${hB.embodied_kg === null ? 'unknown' : qtyParam(hB.embodied_kg, 'kg CO2e')} vs head ${hH.embodied_kg === null ? 'unknown' : qtyParam(hH.embodied_kg, 'kg CO2e')}.`,
      );
    if (!same(hB.lifespan_years, hH.lifespan_years))
      breaking(`Hardware lifespan differs: base ${param(hB.lifespan_years)} vs head ${qtyParam(hH.lifespan_years, 'years')}.`);
    if (!same(hB.host_embodied_kg, hH.host_embodied_kg) || hB.devices_per_host !== hH.devices_per_host) {
      const host = (h: Resolved['hardware']) =>
        h.host_embodied_kg === null ? 'outside the boundary' : `${qtyParam(h.host_embodied_kg, 'kg CO2e')} per ${h.devices_per_host}-accelerator server`;
      breaking(`Server embodied carbon differs: base ${host(hB)} vs head ${host(hH)}.`);
    }
    if (!same(hB.utilization, hH.utilization))
      breaking(
        `Hardware utilization differs: base ${param(hB.utilization)} vs head ${param(hH.utilization)}; the embodied share per hour used changes with it.`,
      );
  }
  if (hB.count !== hH.count) out.push(`Accelerator count changed: base ${hB.count} vs head ${hH.count}.`);
  if (!same(base.deployment.lifetime_inferences, head.deployment.lifetime_inferences)) {
    out.push(
      `Lifetime inferences differ: base ${count(base.deployment.lifetime_inferences)} vs head ${count(head.deployment.lifetime_inferences)}; the amortised per-functional-unit term changes with it.`,
    );
  }
  if (!same(base.wue_l_per_kwh, head.wue_l_per_kwh))
    out.push(`WUE differs: base ${param(base.wue_l_per_kwh)} vs head ${qtyParam(head.wue_l_per_kwh, 'L/kWh')}; water deltas partly reflect the facility.`);
  if (
    !same(base.electricity_usd_per_kwh, head.electricity_usd_per_kwh) ||
    !same(base.gpu_hour_usd, head.gpu_hour_usd) ||
    base.gpu_hour_includes_electricity !== head.gpu_hour_includes_electricity
  ) {
    out.push('Prices differ between base and head; cost deltas partly reflect prices.');
  }
  return { statements: out, comparable };
}
