// The embodied boundary in the data-quality section: without a server figure, embodied carbon
// covers the accelerators only, and the section says so.
import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/lca/index.js';
import { interpret } from '../../../src/lca/interpret/index.js';
import { inventoriesA, scenarioA } from './fixtures.js';

const finding = (hostEmbodied: number | null) => {
  const base = scenarioA();
  const r = scenarioA({ hardware: { ...base.hardware, host_embodied_kg: hostEmbodied } });
  const i = inventoriesA();
  return interpret(r, i, assess(r, i), []).data_quality.find((d) => d.code === 'host_embodied_outside_boundary');
};

describe('data quality: server embodied carbon', () => {
  it('is outside the boundary when hardware.host_embodied_kg is not given (a warning: the total is known to be low)', () => {
    const d = finding(null);
    expect(d?.severity).toBe('warning');
    expect(d?.message).toMatch(
      /^Server embodied carbon \(host CPUs, memory, storage, chassis\) is outside the boundary: embodied carbon covers the accelerators only; set hardware\.host_embodied_kg/,
    );
  });
  it('is not flagged when a server figure is given', () => {
    expect(finding(2500)).toBeUndefined();
  });
});
