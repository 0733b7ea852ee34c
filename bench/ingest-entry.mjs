// Stand-alone `ingest` entry, bundled by bench/run.mjs only while dist/cli.js has no `ingest`
// command yet; same code path (src/cli/ingest.ts) as `node dist/cli.js ingest`.
import { ingestCommand } from '../src/cli/ingest.ts';
import { nodeIo } from '../src/io.ts';

const io = { ...nodeIo({ progress: false }), stdout: (l) => process.stdout.write(`${l}\n`), cwd: process.cwd() };
process.exitCode = await ingestCommand(process.argv.slice(3), io);
