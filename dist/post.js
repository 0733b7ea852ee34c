import { f as formatError } from './chunks/errors.js';
import { a as stopActionMeasurement } from './chunks/measure2.js';
import { e as escapeLogLine } from './chunks/log-line.js';
import 'node:fs';
import 'node:path';
import './chunks/background.js';
import 'node:child_process';
import 'node:os';

// The action's post step (action.yml `post:`, `post-if: always()`): stops a measurement that
// `mode: measure-start` began and no assessment step stopped (the job failed or was cancelled
// before it), so the sampler never outlives the job and its log gets its end record. A no-op
// when nothing is running. Small on purpose: no GitHub API, report or @actions/core code (it
// writes the runner's `::warning::` command itself), so it starts in milliseconds.
/** A workflow command's message, escaped as @actions/core does (% CR LF). */
const escapeCommand = (m) => m.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
// One line, no workflow command from a path in the message (log-line.ts).
const info = (m) => void process.stdout.write(`${escapeLogLine(m)}\n`);
const warning = (m) => void process.stdout.write(`::warning::${escapeCommand(m)}\n`);
try {
    await stopActionMeasurement({ env: process.env, log: { info, warning } });
}
catch (e) {
    // Never fail the job from a clean-up step.
    warning(`ml-lca post step: ${formatError(e)}`);
}
