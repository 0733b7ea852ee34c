import path from 'node:path';
import { d as distExports } from './index2.js';
import { I as InputError, s as shortValue } from './errors.js';

// Writes the card's Hugging Face `co2_eq_emissions` block into a model README's YAML front matter
// (the Hub's model card metadata), for `ml-lca hf-card` and the action input `hf-readme`.
//
// Everything else in the file stays byte for byte: other keys, their comments and formatting,
// line endings (CRLF kept), a UTF-8 byte order mark, and the markdown body. Only the text of the
// `co2_eq_emissions` entry is replaced (with any comment inside or after it: it described the old
// value), or, when there is none, the entry is appended at the end of the front matter; a README
// without front matter gets one. The `yaml` package's Document API locates the entry (node
// ranges) and renders the new one; nothing is re-serialised around it.
const KEY = 'co2_eq_emissions';
const BOM = '\uFEFF';
/** A model README is small; a larger file is the wrong file. */
const MAX_README_BYTES = 16 << 20;
/** Splits a README into BOM, front matter and body; `open` is '' when it has no front matter. */
function splitFrontMatter(text, file) {
    const bom = text.startsWith(BOM) ? BOM : '';
    const t = text.slice(bom.length);
    const eol = /\r\n|\n/.exec(t)?.[0] === '\r\n' ? '\r\n' : '\n';
    const opening = /^---[ \t]*(\r?\n|$)/.exec(t);
    if (!opening)
        return { bom, eol, open: '', yaml: '', close: '', body: t };
    const fence = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;
    fence.lastIndex = opening[0].length;
    const closing = fence.exec(t);
    if (!closing) {
        throw new InputError({ code: 'BAD_INPUT', file, line: 1, expected: 'YAML front matter closed by a --- line', got: 'an unterminated front matter block' });
    }
    return {
        bom,
        eol,
        open: opening[0],
        yaml: t.slice(opening[0].length, closing.index),
        close: closing[0],
        body: t.slice(closing.index + closing[0].length),
    };
}
/**
 * The block as YAML text, one entry under `co2_eq_emissions`, lines ending in `eol`. Strings are
 * double-quoted so YAML 1.1 readers (PyYAML, which the Hub's tools use) read them as strings
 * (`NO`, Norway's code, is `false` to them when plain); grams are rounded to the milligram, which
 * keeps them plain decimals that every reader takes as a number.
 */
function renderHfBlock(block, eol) {
    const value = { ...block, emissions: Math.round(block.emissions * 1000) / 1000 };
    const text = new distExports.Document({ [KEY]: value }).toString({ lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
    return eol === '\n' ? text : text.replace(/\n/g, eol);
}
/** The README text with the block written into its front matter (see the file comment). */
function withHfBlock(readme, block, file) {
    const fm = splitFrontMatter(readme, file);
    const entry = renderHfBlock(block, fm.eol);
    if (fm.open === '')
        return `${fm.bom}---${fm.eol}${entry}---${fm.eol}${fm.body}`;
    const doc = distExports.parseDocument(fm.yaml);
    const err = doc.errors[0];
    if (err) {
        // +1: the opening --- line comes before the YAML.
        const line = err.linePos?.[0]?.line;
        throw new InputError({
            code: 'BAD_INPUT',
            file,
            line: line === undefined ? undefined : line + 1,
            expected: 'valid YAML front matter',
            // yaml's own "at line N, column M" counts from the front matter: the README line is above.
            got: (err.message.split('\n')[0] ?? 'a YAML error').replace(/ at line \d+, column \d+:?$/, '').slice(0, 120),
        });
    }
    let yaml;
    const map = doc.contents;
    if (map === null) {
        yaml = `${fm.yaml}${fm.yaml === '' || fm.yaml.endsWith('\n') ? '' : fm.eol}${entry}`;
    }
    else if (!distExports.isMap(map) || map.flow) {
        throw new InputError({
            code: 'BAD_INPUT',
            file,
            field: 'front matter',
            expected: 'a block mapping of key: value lines',
            got: distExports.isMap(map) ? 'a flow mapping ({ ... })' : shortValue(String(map.toJSON())),
        });
    }
    else {
        const pair = map.items.find((p) => distExports.isScalar(p.key) && p.key.value === KEY);
        if (!pair) {
            yaml = `${fm.yaml}${fm.yaml.endsWith('\n') ? '' : fm.eol}${entry}`;
        }
        else {
            const keyRange = pair.key.range;
            const valueRange = pair.value?.range;
            if (!keyRange)
                throw new Error(`${file}: ${KEY} has no source position`);
            // From the key to the end of the old value with its comments, through the end of that line.
            let end = valueRange?.[2] ?? keyRange[2];
            if (end > 0 && fm.yaml[end - 1] !== '\n') {
                const nl = fm.yaml.indexOf('\n', end);
                end = nl < 0 ? fm.yaml.length : nl + 1;
            }
            yaml = `${fm.yaml.slice(0, keyRange[0])}${entry}${fm.yaml.slice(end)}`;
        }
    }
    const out = `${fm.bom}${fm.open}${yaml}${fm.close}${fm.body}`;
    checkWritten(out, block, file);
    return out;
}
/** The written front matter must read back as the block: a mismatch is our bug, nothing is written. */
function checkWritten(text, block, file) {
    const fm = splitFrontMatter(text, file);
    const doc = distExports.parseDocument(fm.yaml);
    const got = doc.toJS()?.[KEY];
    const want = { ...block, emissions: Math.round(block.emissions * 1000) / 1000 };
    const same = doc.errors.length === 0 && got !== undefined && Object.keys(want).every((k) => got[k] === want[k]) && Object.keys(got).length === Object.keys(want).length;
    if (!same)
        throw new Error(`${file}: the ${KEY} block did not read back as written`);
}
/** Reads a README as UTF-8 (byte order mark kept), refusing what cannot be rewritten byte for byte. */
async function readReadme(file, io) {
    const size = await io.size(file);
    if (size === null)
        throw new InputError({ code: 'FILE_NOT_FOUND', file, expected: 'an existing model README (markdown file)', got: 'no such file' });
    if (size > MAX_README_BYTES)
        throw new InputError({ code: 'BAD_INPUT', file, expected: `a model README under ${MAX_README_BYTES >> 20} MiB`, got: `${size} bytes` });
    const parts = [];
    for await (const c of io.openRead(file))
        parts.push(Uint8Array.from(c));
    try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Buffer.concat(parts));
    }
    catch {
        throw new InputError({ code: 'BAD_INPUT', file, expected: 'a UTF-8 text file', got: 'bytes that are not UTF-8' });
    }
}
/** Reads the README, writes the block into it, replaces the file atomically (temp file, then rename). */
async function writeHfReadme(file, block, io) {
    const text = withHfBlock(await readReadme(file, io), block, file);
    await io.writeFilesAtomic(path.dirname(file), { [path.basename(file)]: text });
}

export { writeHfReadme as w };
