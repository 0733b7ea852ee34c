// A fetch stand-in answering /api/v1/query_range like Prometheus, recording every request.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Recorded {
  url: string;
  method: string;
  headers: Record<string, string>;
  params: Record<string, string>;
}

export type Answer = { status?: number; json?: unknown; text?: string; contentType?: string; location?: string };

export function fakeFetch(answer: (params: Record<string, string>) => Answer): { fetch: typeof fetch; calls: Recorded[] } {
  const calls: Recorded[] = [];
  const f: typeof fetch = async (input, init) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => {
      headers[k] = v;
    });
    const params = Object.fromEntries(new URLSearchParams(String(init?.body ?? '')));
    calls.push({ url: String(input), method: init?.method ?? 'GET', headers, params });
    const a = answer(params);
    const body = a.text ?? JSON.stringify(a.json ?? { status: 'success', data: { resultType: 'matrix', result: [] } });
    const headers2: Record<string, string> = { 'content-type': a.contentType ?? 'application/json' };
    if (a.location) headers2.location = a.location;
    return new Response(body, { status: a.status ?? 200, headers: headers2 });
  };
  return { fetch: f, calls };
}

const here = path.dirname(fileURLToPath(import.meta.url));
export function fixture(name: string): unknown {
  const parsed: unknown = JSON.parse(readFileSync(path.join(here, '../../fixtures/prometheus', name), 'utf8'));
  return parsed;
}

export const EMPTY = { status: 'success', data: { resultType: 'matrix', result: [] } };
