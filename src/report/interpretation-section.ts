// TEMPORARY: minimal interpretation section until src/report/interpretation-md.ts
// (renderInterpretation, owned by the interpretation feature) lands; then this file goes.
import type { ModelCard } from './card-schema.js';
import { escapeMarkdown as esc } from './escape.js';
import { fmt, pct } from './format.js';

export function interpretationSection(card: ModelCard): string {
  const i = card.interpretation;
  const lines: string[] = [];
  if (i.dominant_stage !== null) {
    const share = i.shares?.[i.dominant_stage];
    lines.push(`- Dominant stage: **${esc(i.dominant_stage)}**${share !== undefined ? ` (${pct(share)} of the assessed CO2e)` : ''}.`);
  }
  lines.push(`- Uncertainty: ${fmt(i.uncertainty.co2e_kg_low)}–${fmt(i.uncertainty.co2e_kg_high)} kg CO2e.`);
  for (const s of i.sensitivity) {
    lines.push(`- Sensitivity to ${esc(s.parameter)} (${fmt(s.low_value)}–${fmt(s.high_value)} ${esc(s.unit)}): ${fmt(s.per_fu_co2e_g_low)}–${fmt(s.per_fu_co2e_g_high)} g CO2e per FU.`);
  }
  for (const d of i.data_quality) lines.push(`- Data quality (${d.severity}): ${esc(d.message)}`);
  return `${lines.join('\n')}\n`;
}
