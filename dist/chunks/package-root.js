import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the installed package lives, found from this file's location, so `node dist/cli.js`,
// `npx ml-lca` and the tests (running src/) all find package.json and the bundled examples/.
// The bundle puts this code in dist/ or dist/chunks/, so we walk up rather than assume a depth.
function packageRoot(fromUrl = import.meta.url) {
    let dir = path.dirname(fileURLToPath(fromUrl));
    for (;;) {
        const pkg = path.join(dir, 'package.json');
        if (existsSync(pkg) && readName(pkg) === 'ml-lca')
            return dir;
        const up = path.dirname(dir);
        if (up === dir)
            throw new Error(`package.json of ml-lca not found above ${fileURLToPath(fromUrl)}`);
        dir = up;
    }
}
function packageVersion(root = packageRoot()) {
    const v = readJson(path.join(root, 'package.json'))?.version;
    return typeof v === 'string' ? v : '0.0.0';
}
function readName(file) {
    return readJson(file)?.name;
}
function readJson(file) {
    try {
        const v = JSON.parse(readFileSync(file, 'utf8'));
        return v !== null && typeof v === 'object' ? v : null;
    }
    catch {
        return null;
    }
}

export { packageRoot as a, packageVersion as p };
