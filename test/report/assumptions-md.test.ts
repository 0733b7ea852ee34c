// The report's assumptions list links each citation, with URLs from ml-lca's own source
// catalog only; and grid.basis: market adds the market-based result after the location-based one.
import { describe, expect, it } from 'vitest';
import { nb } from './nbsp.js';
import { renderReport } from '../../src/report/markdown.js';
import { ModelCard } from '../../src/report/card-schema.js';
import { sampleCard } from './sample-card.js';

function withAssumptions(assumptions: ModelCard['scenario']['assumptions'], over: Partial<ModelCard> = {}): ModelCard {
  const c = sampleCard(over);
  return ModelCard.parse({ ...c, scenario: { ...c.scenario, assumptions } });
}

const owid = {
  id: 'owid-carbon-intensity-elec',
  title: 'Carbon intensity of electricity generation (carbon_intensity_elec)',
  publisher: 'Our World in Data',
  year: 2023,
  url: 'https://ourworldindata.org/grapher/carbon-intensity-electricity',
  licence: 'CC BY 4.0',
};

describe('assumptions table', () => {
  it('links a known citation to the catalog URL, and drops URLs from the readable text', () => {
    const md = renderReport(
      withAssumptions([
        {
          path: 'grid.intensity_g_per_kwh',
          value: 55.27541,
          unit: 'g CO2e/kWh',
          origin: 'default',
          source: 'Our World in Data, France (FRA) 2023: 55.27541 g CO2e/kWh; CC BY 4.0; https://ourworldindata.org/grapher/carbon-intensity-electricity',
          year: 2023,
          references: [owid],
        },
      ]),
    );
    // The table has parameter, value, range, origin; the source with its links is a list item below.
    expect(md.split('\n').find((l) => l.startsWith('| `grid.intensity_g_per_kwh`'))).toMatch(/\| +55\.28\u00a0g CO2e\/kWh \| +\| default +\|$/);
    const row = md.split('\n').find((l) => l.startsWith('- `grid.intensity_g_per_kwh`:'))!;
    expect(row).toContain('[Carbon intensity of electricity generation \\(carbon\\_intensity\\_elec\\)');
    expect(row).toContain('](https://ourworldindata.org/grapher/carbon-intensity-electricity)');
    expect(row.match(/https:\/\//g)).toHaveLength(1); // the link only, not the URL in the source text
    expect(row).toContain('CC BY 4.0');
  });

  it("never links a card's own URL: a known id gets the catalog URL, an unknown id is plain text", () => {
    const md = renderReport(
      withAssumptions([
        {
          path: 'pue',
          value: 1.1,
          unit: 'ratio',
          origin: 'default',
          source: 'see http://evil.example/x) [click](javascript:alert(1))',
          year: 2024,
          references: [
            { ...owid, url: 'https://evil.example/phish' },
            { id: 'made-up', title: 'Trust me](https://evil.example)', publisher: 'x', year: null, url: 'https://evil.example/2', licence: null },
          ],
        },
      ]),
    );
    expect(md).not.toContain('evil.example');
    expect(md).toContain('](https://ourworldindata.org/grapher/carbon-intensity-electricity)');
    expect(md).toContain('Trust me\\]');
    expect(md).not.toMatch(/\]\(javascript:/);
  });

  it('shows location-based first, then market-based, when the card has a market-based block', () => {
    const md = renderReport(
      sampleCard({
        market_based: { intensity_g_per_kwh: 100, source: 'location × (1 − CFE 75 %)', operational_co2e_kg: 6, co2e_kg: 6.5, per_functional_unit_co2e_g: 1.5 },
      }),
    );
    const line = md.split('\n').find((l) => l.startsWith('Scope 2 dual reporting'))!;
    expect(line.indexOf('location-based')).toBeLessThan(line.indexOf('market-based'));
    // The card's own text (the source) keeps its spaces; the numbers get the non-breaking ones.
    expect(line).toContain(`${nb('market-based (100 g CO2e/kWh: ')}location × \\(1 − CFE 75 %\\)) ${nb('6.5 kg CO2e, 1.5 g CO2e per functional unit')}`);
    // Its own collapsed section, the summary already giving the market-based figures.
    expect(md).toContain(nb('<details><summary><b>Market-based result</b> · 6.5 kg CO2e, 1.5 g CO2e per FU at 100 g CO2e/kWh</summary>'));
    expect(renderReport(sampleCard())).not.toContain('Scope 2 dual reporting');
  });
});
