import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { queryPrometheus } from '../../../src/ingest/prometheus/index.js';
import { prometheusStageSource } from '../../../src/ingest/prometheus/stage.js';
import { EMPTY, fakeFetch, fixture, type Answer } from './fake-prometheus.js';

const window = { start: '2026-03-09T00:00:00Z', end: '2026-03-09T00:05:00Z' };
const NOW = new Date('2026-11-23T12:00:00Z');
const base = { url: 'http://prom.example:9090', selector: '{job="dcgm"}', job_window: window, step_s: 60 };

/** Counter answers from one fixture, gauge answers from another. */
const byMetric =
  (counter: unknown, gauge: unknown) =>
  (p: Record<string, string>): Answer => ({
    json: (p.query ?? '').startsWith('DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION') ? counter : gauge,
  });

describe('queryPrometheus with a fake server', () => {
  it('differences the energy counter per GPU, handling a reset (fixture counter-reset)', async () => {
    const { fetch, calls } = fakeFetch(byMetric(fixture('query-range-counter-reset.json'), EMPTY));
    const src = await queryPrometheus(base, { fetch, now: NOW });
    // node-x/0: 500 W, 5 steps of 3e7 mJ = 1.5e8 mJ = 150,000 J
    // node-x/1: 3e7 + 3e7 + 1.2e7 (after the restart) + 3e7 + 3e7 = 1.32e8 mJ = 132,000 J
    expect(src.devices.map((d) => [d.id, d.host, d.name, d.samples])).toEqual([
      ['node-x/0', 'node-x', 'NVIDIA A100-SXM4-80GB', 6],
      ['node-x/1', 'node-x', 'NVIDIA A100-SXM4-80GB', 6],
    ]);
    expect(src.devices[0]?.energy_kwh).toBeCloseTo(150_000 / 3.6e6, 12);
    expect(src.devices[1]?.energy_kwh).toBeCloseTo(132_000 / 3.6e6, 12);
    expect(src.energy_kwh).toBeCloseTo(282_000 / 3.6e6, 12);
    expect(src.warnings).toEqual([
      'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION reset 1 time(s) on 1 GPU(s) (node-x/1): DCGM or driver restart; counted from zero after each reset',
    ]);
    expect(src).toMatchObject({ format: 'prometheus', scope: 'device', path: 'prometheus:http://prom.example:9090{job="dcgm"}', duration_s: 300, rows: 12 });
    // One range query per metric: POST form with the selector, epoch-second window and step.
    expect(calls.map((c) => [c.url, c.method, c.params.query, c.params.start, c.params.end, c.params.step])).toEqual([
      ['http://prom.example:9090/api/v1/query_range', 'POST', 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{job="dcgm"}', '1773014400', '1773014700', '60'],
      ['http://prom.example:9090/api/v1/query_range', 'POST', 'DCGM_FI_DEV_POWER_USAGE{job="dcgm"}', '1773014400', '1773014700', '60'],
    ]);
  });

  it('falls back to the power gauge, not bridging a gap (fixture power-gap)', async () => {
    const { fetch } = fakeFetch(byMetric(EMPTY, fixture('query-range-power-gap.json')));
    const src = await queryPrometheus({ ...base, job_window: { start: window.start, end: '2026-03-09T00:06:00Z' } }, { fetch, now: NOW });
    // (100+200)/2×60 + (200+300)/2×60 + [120 s → 300 s: 180 s gap, not bridged] + (300+300)/2×60 = 42,000 J
    expect(src.energy_kwh).toBeCloseTo(42_000 / 3.6e6, 12);
    expect(src.warnings).toEqual([
      'no DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION series for all 1 GPU(s): energy integrated from DCGM_FI_DEV_POWER_USAGE (W, trapezoid at a 60 s step) instead',
      'DCGM_FI_DEV_POWER_USAGE has gaps not bridged on 1 GPU(s) (node-x/0), 3 min in all: energy during them is missing',
    ]);
  });

  it.each([
    ['a bare selector gets braces', 'job="x"', 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{job="x"}'],
    ['no selector is {}', undefined, 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{}'],
    ['a selector is kept', '{Hostname=~"node-.*"}', 'DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{Hostname=~"node-.*"}'],
  ])('%s', async (_what, selector, query) => {
    const { fetch, calls } = fakeFetch(byMetric(fixture('query-range-counter-reset.json'), EMPTY));
    await queryPrometheus({ ...base, selector }, { fetch, now: NOW });
    expect(calls[0]?.params.query).toBe(query);
  });

  it('splits a long window into queries of at most 11,000 points that tile the step grid', async () => {
    const { fetch, calls } = fakeFetch(byMetric(fixture('query-range-counter-reset.json'), EMPTY));
    // 3 days at 15 s: 17,281 points -> [0, 10,999] and [11,000, 17,280] steps
    await queryPrometheus({ ...base, job_window: { start: '2026-03-01T00:00:00Z', end: '2026-03-04T00:00:00Z' }, step_s: 15 }, { fetch, now: NOW });
    const s0 = Date.UTC(2026, 2, 1) / 1000;
    expect(calls.slice(0, 2).map((c) => [Number(c.params.start) - s0, Number(c.params.end) - s0, c.params.step])).toEqual([
      [0, 10_999 * 15, '15'],
      [11_000 * 15, 3 * 86_400, '15'],
    ]);
  });

  it.each([
    [
      'explicit bearer wins over env',
      { auth: { bearer: 'tok-explicit' }, env: { ML_LCA_PROMETHEUS_TOKEN: 'tok-env' } },
      'http://p:9090',
      'Bearer tok-explicit',
    ],
    ['bearer from ML_LCA_PROMETHEUS_TOKEN', { env: { ML_LCA_PROMETHEUS_TOKEN: 'tok-env' } }, 'http://p:9090', 'Bearer tok-env'],
    [
      'basic from ML_LCA_PROMETHEUS_USER/_PASSWORD',
      { env: { ML_LCA_PROMETHEUS_USER: 'ann', ML_LCA_PROMETHEUS_PASSWORD: 's3cret' } },
      'http://p:9090',
      `Basic ${Buffer.from('ann:s3cret').toString('base64')}`,
    ],
    ['explicit basic', { auth: { basic: { user: 'bob', password: 'pw-123' } } }, 'http://p:9090', `Basic ${Buffer.from('bob:pw-123').toString('base64')}`],
    [
      'user:password in the URL becomes basic auth and leaves the URL',
      {},
      'http://carl:url-pw@p:9090/',
      `Basic ${Buffer.from('carl:url-pw').toString('base64')}`,
    ],
    ['no credentials: no header', {}, 'http://p:9090', undefined],
  ])('auth: %s', async (_what, opts, url, header) => {
    const { fetch, calls } = fakeFetch(byMetric(fixture('query-range-counter-reset.json'), EMPTY));
    const src = await queryPrometheus({ ...base, url }, { fetch, now: NOW, ...opts });
    expect(calls[0]?.headers.authorization).toBe(header);
    expect(calls[0]?.url).toBe('http://p:9090/api/v1/query_range');
    expect(src.path).toBe('prometheus:http://p:9090{job="dcgm"}');
  });

  it('serves under a path prefix', async () => {
    const { fetch, calls } = fakeFetch(byMetric(fixture('query-range-counter-reset.json'), EMPTY));
    await queryPrometheus({ ...base, url: 'https://mon.example/prometheus/?x=1' }, { fetch, now: NOW });
    expect(calls[0]?.url).toBe('https://mon.example/prometheus/api/v1/query_range');
  });
});

describe('queryPrometheus errors: SOURCE_UNREACHABLE naming the URL, never a secret', () => {
  const secrets = { env: { ML_LCA_PROMETHEUS_USER: 'ann', ML_LCA_PROMETHEUS_PASSWORD: 'hunter2-pw' } };
  const b64 = Buffer.from('ann:hunter2-pw').toString('base64');

  it.each<[string, Answer, RegExp]>([
    ['401', { status: 401, text: 'Unauthorized', contentType: 'text/plain' }, /HTTP 401 with a body that is not JSON.*check the credentials/],
    [
      '403 echoing the credentials',
      { status: 403, json: { status: 'error', errorType: 'forbidden', error: `denied for Basic ${b64} (hunter2-pw)` } },
      /HTTP 403: forbidden: denied for Basic \*\*\* \(\*\*\*\)/,
    ],
    ['400 bad_data', { status: 400, json: { status: 'error', errorType: 'bad_data', error: 'parse error' } }, /HTTP 400: bad_data: parse error/],
    ['an HTML page (Grafana)', { status: 200, text: '<html>login</html>', contentType: 'text/html' }, /not JSON \(text\/html\).*not Grafana/],
    [
      'a redirect (not followed: it would carry the credentials)',
      { status: 302, text: '', contentType: 'text/plain', location: 'https://ann:hunter2-pw@sso.example/login' },
      /got HTTP 302 redirect to https:\/\/sso\.example\/login \(set prometheus\.url to the address/,
    ],
    ['a vector instead of a matrix', { json: { status: 'success', data: { resultType: 'vector', result: [] } } }, /an answer of another shape/],
  ])('%s', async (_what, answer, message) => {
    const { fetch } = fakeFetch(() => answer);
    const err = await queryPrometheus({ ...base, url: 'http://ann:hunter2-pw@prom.example:9090' }, { fetch, now: NOW, ...secrets }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const e = err as InputError;
    expect(e.code).toBe('SOURCE_UNREACHABLE');
    expect(e.message).toMatch(message);
    expect(e.message).toContain('http://prom.example:9090/api/v1/query_range');
    expect(e.message).toContain('DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{job="dcgm"}');
    expect(e.message).not.toContain('hunter2');
    expect(e.message).not.toContain(b64);
  });

  it('a closed port: connection failed, naming the URL', async () => {
    const port = await closedPort();
    const err = await queryPrometheus(
      { ...base, url: `http://127.0.0.1:${port}` },
      { now: NOW, timeoutMs: 2000, env: { ML_LCA_PROMETHEUS_TOKEN: 'tok-never-shown' } },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).code).toBe('SOURCE_UNREACHABLE');
    expect((err as InputError).message).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${port}/api/v1/query_range: expected a Prometheus HTTP API answer .* got connection failed \\(ECONNREFUSED\\)`),
    );
    expect((err as InputError).message).not.toContain('tok-never-shown');
  });

  it('a server that never answers: bounded by timeoutMs', async () => {
    const hang: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    // No stopwatch (the real clock): without the bound this never settles and vitest's timeout fails it.
    const err = await queryPrometheus(base, { fetch: hang, now: NOW, timeoutMs: 200 }).catch((e: unknown) => e);
    expect((err as InputError).code).toBe('SOURCE_UNREACHABLE');
    expect((err as InputError).message).toContain('got no answer within 200 ms');
  });

  it('no series at all is LOG_NO_MATCH naming the selector and window', async () => {
    const { fetch } = fakeFetch(() => ({ json: EMPTY }));
    const err = await queryPrometheus(base, { fetch, now: NOW }).catch((e: unknown) => e);
    expect((err as InputError).code).toBe('LOG_NO_MATCH');
    expect((err as InputError).message).toContain('{job="dcgm"} between 2026-03-09T00:00:00.000Z and 2026-03-09T00:05:00.000Z');
  });

  it('a non-http URL is BAD_INPUT on prometheus.url', async () => {
    const err = await queryPrometheus({ ...base, url: 'ftp://x' }, { now: NOW }).catch((e: unknown) => e);
    expect((err as InputError).code).toBe('BAD_INPUT');
    expect((err as InputError).field).toBe('prometheus.url');
  });
});

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 1;
      srv.close(() => resolve(port));
    });
  });
}

describe('prometheusStageSource', () => {
  it('points scenario errors at the file and the stage key', async () => {
    const err = await prometheusStageSource(
      'training',
      { ...base, job_window: { start: 'soon', end: '2026-03-09T06:00:00Z' } },
      { now: NOW, scenarioFile: 'lca.yml' },
    ).catch((e: unknown) => e);
    expect((err as InputError).message).toBe(
      'ml-lca: lca.yml: stages.training.prometheus.job_window.start: expected an ISO 8601 time (2026-03-08T20:00:00Z) or epoch seconds, got "soon"'.slice(
        'ml-lca: '.length,
      ),
    );
  });

  it('env errors keep naming the variable', async () => {
    const err = await prometheusStageSource('training', { ...base, job_window: 'from_env' }, { now: NOW, env: {}, scenarioFile: 'lca.yml' }).catch(
      (e: unknown) => e,
    );
    expect((err as InputError).file).toBe('ML_LCA_JOB_START');
    expect((err as InputError).field).toBeUndefined();
  });
});
