// The logger's own emission factor (issue 14, item 7): CodeCarbon and eco2ai log emissions and
// the energy they computed them from; their ratio is the factor the logger applied. More than 2×
// away from the scenario's, the data-quality section says so with both numbers (the logger
// placed the run in another grid). Real fixture files through ingest; factors worked by hand.
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../../src/ingest/index.js';
import { assess, buildInventories } from '../../../src/lca/index.js';
import { interpret } from '../../../src/lca/interpret/index.js';
import { resolveScenario } from '../../../src/scenario/resolve.js';
import { Scenario } from '../../../src/scenario/schema.js';
import { fixture, fixtureIo } from '../../ingest/helpers.js';

async function findings(file: string, grid: { region?: string; intensity_g_per_kwh: number }) {
  const src = await ingestFile(fixture(file), {}, fixtureIo([file]), file);
  const r = resolveScenario(
    Scenario.parse({
      name: 'logged',
      functional_unit: { description: 'one trained model', inferences: 1 },
      deployment: { lifetime_inferences: 1 },
      grid,
      hardware: { model: 'A100-SXM-40GB', count: 8 },
      stages: { training: { logs: [file], hours: 1 } },
    }),
  );
  const byStage = { training: [src] };
  const i = buildInventories(r, byStage);
  return { src, dq: interpret(r, i, assess(r, i), byStage).data_quality.filter((d) => d.code === 'logger_factor_mismatch') };
}

describe("the logger's own emission factor", () => {
  it.each([
    // CodeCarbon on aws us-east-1: (1.0613932 + 0.5306966) kg / (2.8 + 1.4) kWh = 379.069 g/kWh.
    {
      file: 'codecarbon/v2.4-cloud-us-east-1.csv',
      grid: { region: 'FR', intensity_g_per_kwh: 56 },
      logged: 379.069,
      message:
        "codecarbon/v2.4-cloud-us-east-1.csv: the logger's own emission factor is 379 g CO2e/kWh (it placed the run in aws us-east-1), the scenario's 56 g CO2e/kWh (FR): 6.77× apart. A location mismatch is the usual cause; ml-lca applies the scenario's factor, so check grid.region.",
    },
    { file: 'codecarbon/v2.4-cloud-us-east-1.csv', grid: { intensity_g_per_kwh: 400 }, logged: 379.069, message: null },
    // CodeCarbon 2.3 with pue 1.2: emissions and energy_consumed both include it, so the factor
    // is (0.145152 + 0.065856) / (2.592 + 1.176) = 56 g/kWh, whatever ml-lca divides out.
    {
      file: 'codecarbon/v2.3-pue-column.csv',
      grid: { region: 'US', intensity_g_per_kwh: 429 },
      logged: 56,
      message:
        "codecarbon/v2.3-pue-column.csv: the logger's own emission factor is 56 g CO2e/kWh (it placed the run in France, île-de-france), the scenario's 429 g CO2e/kWh (US): 7.66× apart. A location mismatch is the usual cause; ml-lca applies the scenario's factor, so check grid.region.",
    },
    // eco2ai: (1.0 + 0.3) kg / (2.5 + 0.75) kWh = 400 g/kWh. Exactly 2× is not reported; just over it is.
    { file: 'eco2ai/quoted-commas.csv', grid: { intensity_g_per_kwh: 200 }, logged: 400, message: null },
    {
      file: 'eco2ai/quoted-commas.csv',
      grid: { intensity_g_per_kwh: 199 },
      logged: 400,
      message:
        "eco2ai/quoted-commas.csv: the logger's own emission factor is 400 g CO2e/kWh (it placed the run in Russia/Moscow), the scenario's 199 g CO2e/kWh: 2.01× apart. A location mismatch is the usual cause; ml-lca applies the scenario's factor, so check grid.region.",
    },
    {
      file: 'eco2ai/quoted-commas.csv',
      grid: { intensity_g_per_kwh: 801 },
      logged: 400,
      message: expect.stringMatching(/400 g CO2e\/kWh .* 801 g CO2e\/kWh: 2\.00× apart/),
    },
  ])('$file at $grid.intensity_g_per_kwh g/kWh', async ({ file, grid, logged, message }) => {
    const { src, dq } = await findings(file, grid);
    expect(src.logged_intensity_g_per_kwh).toBeCloseTo(logged, 9);
    if (message === null) expect(dq).toEqual([]);
    else expect(dq).toEqual([{ severity: 'warning', code: 'logger_factor_mismatch', source: file, message }]);
  });

  it('power logs carry no factor of their own', async () => {
    const { src, dq } = await findings('nvidia-smi/nounits.csv', { intensity_g_per_kwh: 400 });
    expect(src.logged_intensity_g_per_kwh).toBeUndefined();
    expect(dq).toEqual([]);
  });
});
