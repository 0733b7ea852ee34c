// A model card as a fork could upload it: built by the real engine (so every section of the
// report has content: comparison, sensitivity, uncertainty method, SCI note, data quality,
// ledger and cluster blocks), then every string the schema lets be free text replaced with an
// injection, and the stage names replaced with names that clean to nothing in a chart label.
import path from 'node:path';
import { ModelCard } from '../../src/report/card-schema.js';
import { buildReport } from '../../src/pipeline.js';
import { nodeIo } from '../../src/io.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every trick of issue 13, item 1-3: headings, HTML, mentions, a second marker, workflow commands, mermaid breakers. */
export const INJECTIONS = [
  'x\n::error::pwned-by-fork\n## Heading from the fork\n<details open><summary>open me</summary>',
  '<img src="https://evil.example/x.png"> @admin <!-- ml-lca:other -->',
  '`code` | pipe | [link](javascript:alert(1)) ![i](https://evil.example/i.png)',
  '\r\n::add-mask::ghs_forkSecret\r\n::set-output name=verdict::pass',
  '##[error]legacy command </sub></details> ```',
  '%%',
  '\\',
  '\t',
  '\u2028',
] as const;

/** Stage names that are valid card keys but clean to nothing in a mermaid label. */
export const EMPTY_LABEL_STAGES = ['%%', '\t', '\u2028'] as const;

function rename<T>(rec: Record<string, T>, names: Map<string, string>): Record<string, T> {
  return Object.fromEntries(Object.entries(rec).map(([k, v]) => [names.get(k) ?? k, v]));
}

/** Replace each free-text string (the schema still accepts the card) with the next injection. */
function poison(card: ModelCard): ModelCard {
  let k = 0;
  const root = JSON.parse(JSON.stringify(card)) as Record<string, unknown>;
  const visit = (holder: Record<string, unknown> | unknown[], key: string | number): void => {
    const v = (holder as Record<string | number, unknown>)[key];
    if (typeof v === 'string') {
      (holder as Record<string | number, unknown>)[key] = INJECTIONS[k % INJECTIONS.length];
      if (ModelCard.safeParse(root).success) k++;
      else (holder as Record<string | number, unknown>)[key] = v; // an enum: the schema holds it
      return;
    }
    if (v !== null && typeof v === 'object') for (const child of Object.keys(v)) visit(v as Record<string, unknown>, Array.isArray(v) ? Number(child) : child);
  };
  for (const key of Object.keys(root)) if (key !== 'schema_version' && key !== 'tool') visit(root, key);
  return ModelCard.parse(root);
}

export async function hostileCard(): Promise<ModelCard> {
  const io = nodeIo({ log: () => {}, now: () => new Date('2026-06-01T00:00:00Z') });
  const first = await buildReport({ scenarioPath: 'examples/scenarios/chat-model.yml', cwd: ROOT, version: '0.0.0-test', budgetMode: 'warn' }, io);
  const base = first.card;
  const { card } = await buildReport(
    {
      scenarioPath: 'examples/scenarios/chat-model.yml',
      cwd: ROOT,
      version: '0.0.0-test',
      budgetMode: 'warn',
      baseline: { card: base, meta: { source: 'artifact', ref: 'main', sha: 'a'.repeat(40), run_id: 1, created_at: base.created_at } },
    },
    io,
  );
  const withExtensions: ModelCard = {
    ...card,
    extensions: {
      cluster: { training: { hosts: [{ host: 'node-1', energy_kwh: 1, scope: 'device', devices: 8, duration_s: 3600, offset_s: 0 }], skew_s: 0 } },
      ledger: {
        source: 'file:ledger.jsonl',
        entries: 1,
        warnings: [],
        positions: [
          {
            scope: 'team',
            name: 'ml',
            metric: 'totals.co2e_kg',
            period: 'month',
            label: '2026-06',
            start: '2026-06-01T00:00:00.000Z',
            end: '2026-07-01T00:00:00.000Z',
            max: 100,
            warn: null,
            runs: 1,
            spent: 10,
            change: 1,
            projected: 11,
            remaining: 89,
            used_pct: 11,
            elapsed_days: 1,
            period_days: 30,
            burn_rate_per_day: 11,
            forecast: 330,
            run_out_date: '2026-06-09',
            status: 'pass',
          },
        ],
      },
    },
  };
  const hostile = poison(ModelCard.parse(withExtensions));
  // Then the names that clean to nothing in a chart label: stages (record keys) and the
  // sensitivity parameters (the tornado's bars).
  const names = new Map(Object.keys(hostile.stages).map((s, n) => [s, EMPTY_LABEL_STAGES[n % EMPTY_LABEL_STAGES.length] as string]));
  const i = hostile.interpretation;
  const renamed: ModelCard = {
    ...hostile,
    stages: rename(hostile.stages, names),
    scenario: { ...hostile.scenario, stages: rename(hostile.scenario.stages, names) },
    interpretation: {
      ...i,
      dominant_stage: EMPTY_LABEL_STAGES[0],
      ...(i.shares ? { shares: rename(i.shares, names) } : {}),
      sensitivity: i.sensitivity.map((x, n) => ({ ...x, parameter: EMPTY_LABEL_STAGES[n % EMPTY_LABEL_STAGES.length] as string })),
    },
  };
  // The strings that matter most are certainly hostile (not left to the cycle of injections).
  renamed.scenario.name = INJECTIONS[0];
  if (renamed.interpretation.uncertainty.method !== undefined) renamed.interpretation.uncertainty.method = INJECTIONS[1];
  if (renamed.interpretation.sci) renamed.interpretation.sci.note = INJECTIONS[0];
  return ModelCard.parse(renamed);
}

/**
 * Checks that a markdown text renders the hostile card inertly: nothing a fork wrote becomes
 * markup. Returns the problems found (empty when inert), so a test shows them all at once.
 */
export function injectionProblems(markdown: string): string[] {
  const problems: string[] = [];
  // Anywhere, code spans included: the sticky comment is found by searching the raw body.
  const markers = markdown.match(/<!--/g) ?? [];
  if (markers.length > 1) problems.push(`${markers.length} HTML comments (a second ml-lca marker?)`);
  if (/^\s*::/m.test(markdown)) problems.push('a line starting with :: (workflow command)');
  if (/\u2028/.test(markdown)) problems.push('a U+2028 line separator');
  // Inside code (mermaid blocks, code spans) markup is literal text; outside it nothing may be markup.
  const prose = markdown
    .replace(/```mermaid\n[\s\S]*?\n```/g, '')
    .replace(/(`+)(?!`)[^\n]*?[^`]\1(?!`)/g, '')
    // The collapsed sections ml-lca writes (a whole line each); what is inside is checked.
    .replace(/^<details><summary><b>([^<]*)<\/b>(.*)<\/summary>$/gm, '$1$2')
    .replace(/^<\/details>$/gm, '');
  for (const m of prose.matchAll(/<\/?([a-zA-Z][\w-]*)/g)) {
    if (!['sub', 'br'].includes((m[1] ?? '').toLowerCase())) problems.push(`raw HTML tag <${m[1]}>`);
  }
  if (/@admin/.test(prose)) problems.push('an @-mention that would ping');
  if (/^\s*#+ Heading from the fork/m.test(markdown)) problems.push('a heading from the fork');
  if (/(^|[^\\])\]\(javascript:/.test(prose)) problems.push('a live javascript: link');
  if (/(^|[^\\])!\[i\]/.test(prose)) problems.push('a live image');
  // GFM autolinks a bare scheme://… or www.… in text (github.com does too).
  if (/evil\.example/.test(prose) && /(^|[^\\])(https?:\/\/|\bwww\.)evil/.test(prose)) problems.push('a bare URL that would autolink');
  if (/""/.test(markdown.match(/```mermaid[\s\S]*?```/g)?.join('\n') ?? '')) problems.push('an empty mermaid label');
  return problems;
}
