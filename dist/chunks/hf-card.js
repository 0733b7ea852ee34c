import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { N as NBSP, n as count, q as qty } from './read.js';
import { w as writeHfReadme } from './hf-readme.js';
import { h as displayPath } from './pipeline.js';
import { p as parseFlags, r as requiredFlag } from './args.js';
import { readCardFile } from './report.js';
import './errors.js';
import './index.js';
import './schemas.js';
import 'node:crypto';
import './index2.js';
import 'process';
import 'buffer';
import './measurement.js';
import './index3.js';
import './io.js';
import 'node:fs';
import 'node:util';
import './package-root.js';
import 'node:url';
import './out-dir.js';

// `ml-lca hf-card --card model-card.json README.md`: writes the card's Hugging Face
// `co2_eq_emissions` block into a model README's YAML front matter (creating the front matter when
// the README has none), keeping every other key, comment and the body byte for byte; the file is
// replaced atomically. Committing the README stays the user's choice.
const HF_CARD_USAGE = 'ml-lca hf-card --card CARD.json README.md';
async function hfCardCommand(argv, io) {
    const { values, positionals } = parseFlags('hf-card', argv, { card: { type: 'string' } }, { min: 1, max: 1, usage: HF_CARD_USAGE });
    const cardFile = requiredFlag('hf-card', 'card', values.card, 'CARD.json (a model card written by ml-lca report)');
    const card = await readCardFile(cardFile, io);
    const readme = path.resolve(io.cwd, positionals[0]);
    // A symlinked README is rewritten where it points, not replaced by a copy.
    const target = await realpath(readme).catch(() => readme);
    await writeHfReadme(target, card.hf_co2_eq_emissions, io);
    io.stdout(`wrote co2_eq_emissions (${count(card.hf_co2_eq_emissions.emissions)}${NBSP}g, ${qty(card.hf_co2_eq_emissions.emissions, 'g CO2e')}) into ${displayPath(readme, io.cwd)}`);
    return 0;
}

export { HF_CARD_USAGE, hfCardCommand };
