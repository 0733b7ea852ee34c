export const SOURCE: string;
export const TARGET: string;
export function compileWasm(): Promise<Buffer>;
export function moduleText(wasm: Buffer): string;
