// CLI entry (`node dist/cli.js`, `npx ml-lca`): builds the real I/O and sets the exit code.
// The only CLI file that touches process; everything else is in src/cli/main.ts.
import { nodeIo } from './io.js';
import { runCli } from './cli/main.js';
import { escapeLogLine } from './log-line.js';

// A reader that stops early (`ml-lca ingest big.csv --json | head`) closes the pipe: that is
// not an error of ours, so exit quietly instead of dying on an unhandled EPIPE with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
// stderr lines quote input (paths, log labels, scenario values): one line each, no workflow
// command when the CLI runs in a GitHub Actions step.
const io = {
  ...nodeIo({ log: (m) => process.stderr.write(`${escapeLogLine(m)}\n`) }),
  stdout: (line: string) => process.stdout.write(`${line}\n`),
  cwd: process.cwd(),
  env: process.env,
};
process.exitCode = await runCli(process.argv.slice(2), io);
