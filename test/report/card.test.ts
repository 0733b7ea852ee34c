import { describe, expect, it } from 'vitest';
import { assembleCard, parseCard } from '../../src/report/card.js';
import { InputError } from '../../src/errors.js';
import { sampleCard } from './sample-card.js';

function parts() {
  const { schema_version: _s, tool: _t, created_at: _c, hf_co2_eq_emissions: _h, ...rest } = sampleCard();
  return { ...rest, version: '1.2.3', createdAt: new Date('2026-02-03T04:05:06Z') };
}

describe('assembleCard', () => {
  it('adds schema version, tool, timestamp and the HF block', () => {
    const card = assembleCard(parts());
    expect(card.schema_version).toBe('1.0');
    expect(card.tool).toEqual({ name: 'ml-lca', version: '1.2.3' });
    expect(card.created_at).toBe('2026-02-03T04:05:06.000Z');
    // training, operational only: 24.024 kg -> 24,024 g (sample-card.ts; embodied stays out)
    expect(card.hf_co2_eq_emissions.emissions).toBeCloseTo(24_024, 6);
    expect(card.hf_co2_eq_emissions.source).toContain('ml-lca 1.2.3');
  });

  it('refuses a card that does not match its schema (our bug: a plain Error, not InputError)', () => {
    const p = parts();
    const bad = { ...p, totals: { ...p.totals, co2e_kg: Number.NaN } };
    let err: unknown;
    try {
      assembleCard(bad);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/^model card does not match its schema at totals\.co2e_kg/);
  });
});

describe('parseCard', () => {
  it('round-trips a card', () => {
    const card = sampleCard();
    expect(parseCard(JSON.stringify(card), 'c.json')).toEqual(card);
  });

  it('reads a card written before the embodied boundary, cost rule and hf keys existed (a baseline)', () => {
    const card = sampleCard();
    const { host_embodied_kg: _h, devices_per_host: _d, utilization: _u, ...hardware } = card.scenario.hardware;
    const { hf: _hf, gpu_hour_includes_electricity: _g, ...scenario } = card.scenario;
    const old = { ...card, scenario: { ...scenario, hardware }, hf_co2_eq_emissions: { ...card.hf_co2_eq_emissions, training_type: 'pre-training' } };
    const read = parseCard(JSON.stringify(old), 'base.json');
    expect(read.scenario.hardware).toMatchObject({ host_embodied_kg: null, devices_per_host: 8, utilization: 1 });
    expect(read.scenario.hf).toEqual({ training_type: null, stages: null });
    expect(read.scenario.gpu_hour_includes_electricity).toBe(true);
    expect(read.hf_co2_eq_emissions.training_type).toBe('pre-training');
  });

  it.each([
    // The problem in words and its line, never V8's message (it quotes the file).
    ['{', /^c\.json: line 1: expected a model card JSON written by ml-lca, got invalid JSON \(a property name that is not in double quotes/],
    ['[]', /^c\.json: expected a mapping \(key: value pairs\), got \[\]/],
    [JSON.stringify({ ...sampleCard(), verdict: 'maybe' }), /^c\.json: verdict: expected one of/],
  ])('%s -> CARD_INVALID', (text, message) => {
    let err: unknown;
    try {
      parseCard(text, 'c.json');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe('CARD_INVALID');
    expect((err as InputError).message).toMatch(message);
  });
});
