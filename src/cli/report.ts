// `ml-lca report --scenario FILE [--log FILE_OR_GLOB]... [--baseline CARD.json] [--out DIR]
//                [--budget-mode fail|warn|off]`
// Writes DIR/model-card.json and DIR/report.md together (or neither), then prints the verdict.
// A failed budget, or an incomplete assessment, exits 1 only after both files are written.
import path from 'node:path';
import { buildReport, budgetFailed, displayPath, type BudgetMode, type BuildReportOptions, type BuildReportResult } from '../pipeline.js';
import { parseCard } from '../report/card.js';
import type { ModelCard } from '../report/card-schema.js';
import { qty } from '../report/format.js';
import { svgCharts } from '../report/svg.js';
import { InputError } from '../errors.js';
import { enumFlag, parseFlags, requiredFlag, type CliIo } from './args.js';
import { packageVersion } from './package-root.js';
import { OUT_FILES, checkOutDir, makeOutDir } from './out-dir.js';
import { attentionOf, incompleteLines } from '../report/attention.js';

export const REPORT_USAGE = `ml-lca report --scenario FILE [--log [STAGE=]FILE_OR_GLOB]... [--baseline CARD.json] [--out DIR] [--budget-mode fail|warn|off]`;

export const BUDGET_MODES = ['fail', 'warn', 'off'] as const;

export async function reportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(
    'report',
    argv,
    {
      scenario: { type: 'string' },
      log: { type: 'string', multiple: true },
      baseline: { type: 'string' },
      out: { type: 'string' },
      'budget-mode': { type: 'string' },
    },
    { min: 0, max: 0, usage: REPORT_USAGE },
  );
  const scenarioPath = requiredFlag('report', 'scenario', values.scenario, 'FILE (the scenario YAML or JSON)');
  const budgetMode = enumFlag('report', 'budget-mode', values['budget-mode'], BUDGET_MODES, 'fail');
  const baseline = values.baseline ? await readBaseline(values.baseline, io) : null;
  return runReport({ scenarioPath, extraLogs: values.log ?? [], baseline, budgetMode, outDir: values.out ?? 'ml-lca-out' }, io);
}

/** Shared by `report` and `demo`: build, write both files atomically, print, pick the exit code. */
export async function runReport(
  opts: {
    scenarioPath: string;
    extraLogs: string[];
    baseline: BuildReportOptions['baseline'];
    budgetMode: BudgetMode;
    outDir: string;
    /** Where the scenario's logs may live and paths in the card are relative to; default io.cwd. */
    root?: string;
  },
  io: CliIo,
): Promise<number> {
  const outDir = path.resolve(io.cwd, opts.outDir);
  // An unusable --out fails in seconds, before the logs are read (and leaves nothing behind).
  await checkOutDir(outDir, OUT_FILES);
  const result = await buildReport(
    {
      scenarioPath: opts.scenarioPath,
      extraLogs: opts.extraLogs,
      cwd: opts.root ?? io.cwd,
      baseline: opts.baseline,
      budgetMode: opts.budgetMode,
      version: packageVersion(),
      prometheus: { env: io.env ?? {} },
    },
    io,
  );
  for (const w of result.warnings) io.log(`warning: ${w}`);
  const files = {
    'model-card.json': `${JSON.stringify(result.card, null, 2)}\n`,
    'report.md': result.markdown,
    // Static charts for places that do not render mermaid (issue 5).
    ...svgCharts(result.card),
  };
  await checkOutDir(outDir, Object.keys(files));
  await makeOutDir(outDir);
  const written = await io.writeFilesAtomic(outDir, files).catch((e: unknown) => {
    throw new InputError({
      code: 'BAD_FLAG',
      field: '--out',
      expected: 'a directory ml-lca can write',
      got: `${outDir} (${(e as { code?: string } | null)?.code ?? String(e)})`,
    });
  });
  printSummary(result, io);
  for (const f of written) io.stdout(`wrote ${displayPath(f, io.cwd)}`);
  if (budgetFailed(result.card, opts.budgetMode)) return 1;
  if (result.card.verdict === 'fail') io.stdout(`budget-mode ${opts.budgetMode}: a budget failed, exit code 0`);
  if (result.card.verdict === 'incomplete') io.stdout(`budget-mode ${opts.budgetMode}: the assessment is incomplete, exit code 0`);
  return 0;
}

/** A model card named on the command line, validated (CARD_INVALID naming the file and field). */
export async function readCardFile(file: string, io: CliIo): Promise<ModelCard> {
  return parseCard(await io.readText(path.resolve(io.cwd, file)), file);
}

/** `--baseline CARD.json` (and `compare`'s BASE): the card and where it came from. */
export async function readBaseline(file: string, io: CliIo): Promise<NonNullable<BuildReportOptions['baseline']>> {
  const card = await readCardFile(file, io);
  return { card, meta: { source: `file:${file}`, ref: null, sha: null, run_id: null, created_at: card.created_at } };
}

/**
 * What the user reads first. An incomplete card leads with INCOMPLETE, the stage, the file and
 * the fix; then the figures; then the budgets, the data-quality errors and rejected rows.
 */
function printSummary({ card }: BuildReportResult, io: CliIo): void {
  const name = plain(card.scenario.name);
  const figures =
    `${qty(card.per_functional_unit.co2e_g, 'g CO2e')} per functional unit ` +
    `(${plain(card.scenario.functional_unit.description)}); ${qty(card.totals.co2e_kg, 'kg CO2e')} over the assessed stages`;
  const attention = attentionOf(card);
  const incomplete = incompleteLines(attention);
  if (incomplete.length > 0) {
    io.stdout(`ml-lca: ${name}: INCOMPLETE: ${plain(incomplete[0] ?? '')}`);
    for (const line of incomplete.slice(1)) io.stdout(`  incomplete: ${plain(line)}`);
    io.stdout(`  without what could not be measured: ${figures}`);
  } else {
    io.stdout(`ml-lca: ${name}: ${card.verdict.toUpperCase()}: ${figures}`);
  }
  for (const b of card.budgets) if (b.status !== 'pass') io.stdout(`  ${b.status}: ${plain(b.message)}`);
  for (const e of attention.errors) io.stdout(`  data-quality error: ${plain(e)}`);
  for (const r of attention.rejected) io.stdout(`  rejected rows: ${plain(r.file)} (stage ${plain(r.stage)}): ${plain(r.text)}`);
}

/** Scenario text on a terminal: no control characters (escape sequences could rewrite the screen). */
function plain(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}
