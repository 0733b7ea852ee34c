// Killer tests for mutants of src/lca/interpret/types.ts (issue 14).
import { describe, expect, it } from 'vitest';
import { flattenSources } from '../../../src/lca/interpret/types.js';
import { source } from './fixtures.js';

describe('flattenSources', () => {
  it('lists a log shared by two stages once, in first-seen order', () => {
    const shared = source({ path: 'logs/shared.csv' });
    const own = source({ path: 'logs/own.csv' });
    expect(flattenSources({ training: [shared], inference: [shared, own] }).map((s) => s.path)).toEqual(['logs/shared.csv', 'logs/own.csv']);
  });
});
