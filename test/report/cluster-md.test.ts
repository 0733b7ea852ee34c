import { describe, expect, it } from 'vitest';
import { renderClusterSection } from '../../src/report/cluster-md.js';

describe('renderClusterSection', () => {
  it('renders one row per host with energy, span in hours and clock offset; escapes host names', () => {
    const md = renderClusterSection({
      extensions: {
        cluster: {
          training: {
            skew_s: 12,
            hosts: [
              { host: 'node-a', energy_kwh: 18.48, scope: 'device', devices: 8, duration_s: 21_600, offset_s: -6, start: null, end: null, sources: [] },
              { host: '<b>evil</b>', energy_kwh: 20.88, scope: 'device', devices: 8, duration_s: 10_800, offset_s: 6, start: null, end: null, sources: [] },
            ],
          },
        },
      },
    });
    expect(md).toContain('**training**: 2 hosts, host clocks within 12\u00a0s of each other.');
    expect(md).toContain('measured energy,<br>before overhead (kWh)');
    // 21,600 s = 6 h; 10,800 s = 3 h; energy to 3 figures
    expect(md).toMatch(/\| node-a +\| +18\.5 \| device \| +8 \| +6 \| +-6 \|/);
    expect(md).toMatch(/\| +20\.9 \| device \| +8 \| +3 \| +6 \|/);
    expect(md).not.toContain('<b>');
  });

  it('is empty without a cluster extension or with a malformed one', () => {
    expect(renderClusterSection({})).toBe('');
    expect(renderClusterSection({ extensions: { cluster: { training: { hosts: 'x' } } } })).toBe('');
  });
});
