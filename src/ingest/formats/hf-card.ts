// A Hugging Face model card's `co2_eq_emissions` (README.md YAML front matter, or a YAML/JSON
// file holding the same key): a number, or a mapping with `emissions` in GRAMS (HF docs,
// "Displaying carbon emissions for your model"), `source`, `training_type`,
// `geographical_location`, `hardware_used`. Emissions only: energy_kwh is null.
import { InputError } from '../../errors.js';
import { readAll } from '../lines.js';
import type { LogFormat } from '../types.js';
import { unitFactor } from '../units.js';

function frontMatter(text: string): string | null {
  const m = /^---\r?\n([\s\S]*?)\r?\n(---|\.\.\.)\s*(\r?\n|$)/.exec(text);
  return m?.[1] ?? null;
}

export const hfCard: LogFormat = {
  id: 'hf-card',
  description: 'Hugging Face model card co2_eq_emissions (README.md front matter, YAML or JSON)',
  sniff(head, path) {
    if (!/(^|\n|["{,\s])co2_eq_emissions["']?\s*:/.test(head)) return 0;
    if (head.startsWith('---')) return 0.95;
    return /\.(md|ya?ml|json)$/i.test(path) ? 0.9 : 0.6;
  },
  async parse(stream, ctx) {
    const out = ctx.out;
    out.scope = 'host';
    const text = await readAll(stream, ctx.path, 16 * 1024 * 1024);
    const yamlText = text.startsWith('---') ? frontMatter(text) : text;
    if (yamlText === null)
      throw new InputError({
        code: 'LOG_CORRUPT',
        file: ctx.path,
        line: 1,
        expected: 'YAML front matter closed by ---',
        got: 'an unterminated front matter block',
      });
    const { parse } = await import('yaml');
    let doc: unknown;
    try {
      doc = parse(yamlText);
    } catch (e) {
      const line = (e as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
      throw new InputError({
        code: 'LOG_CORRUPT',
        file: ctx.path,
        line,
        expected: 'valid YAML/JSON',
        got: e instanceof Error ? e.message.split('\n')[0]?.slice(0, 100) : 'a syntax error',
      });
    }
    const v = doc !== null && typeof doc === 'object' ? (doc as Record<string, unknown>).co2_eq_emissions : undefined;
    const gToKg = unitFactor('g', 'mass') ?? 1e-3;
    out.rows = 1;
    let grams: number | null = null;
    let meta: Record<string, unknown> = {};
    if (typeof v === 'number') grams = v;
    else if (typeof v === 'string' && Number.isFinite(Number(v))) grams = Number(v);
    else if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      meta = v as Record<string, unknown>;
      const e = meta.emissions;
      grams = typeof e === 'number' ? e : typeof e === 'string' && Number.isFinite(Number(e)) ? Number(e) : null;
    }
    if (grams === null)
      throw new InputError({
        code: 'LOG_CORRUPT',
        file: ctx.path,
        field: 'co2_eq_emissions',
        expected: 'a number of grams or a mapping with emissions (grams)',
        got: JSON.stringify(v)?.slice(0, 60) ?? 'nothing',
      });
    if (grams < 0)
      throw new InputError({ code: 'LOG_CORRUPT', file: ctx.path, field: 'co2_eq_emissions.emissions', expected: 'grams >= 0', got: String(grams) });
    out.co2eKg = grams * gToKg;
    out.energyKwhOverride = null;
    out.warn('a model card reports emissions (grams CO2e) only, no energy: energy_kwh is null');
    out.noEnergy = {
      code: 'emissions_only',
      reason: 'a model card reports emissions (grams CO2e) only, no energy',
      fix: "give the stage's energy_kwh (or an energy log) instead of the model card",
    };
    const s = (k: string): string | null => (typeof meta[k] === 'string' ? (meta[k] as string) : null);
    out.extra.hf_co2_eq_emissions = {
      emissions: grams,
      source: s('source'),
      training_type: s('training_type'),
      geographical_location: s('geographical_location'),
      hardware_used: s('hardware_used'),
    };
  },
};
