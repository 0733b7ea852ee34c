import { ledgerCommand } from '../../src/cli/ledger.js';
import { nodeIo } from '../../src/io.js';
const io = Object.assign(nodeIo({ now: () => new Date('2026-03-20T00:00:00Z') }), { cwd: process.cwd(), stdout: (l: string) => console.log(l) });
console.log('exit', await ledgerCommand(process.argv.slice(2), io));
