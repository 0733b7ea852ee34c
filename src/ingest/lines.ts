// Streams of bytes to lines (for the line-oriented formats that are not on the hot path:
// dmon, Prometheus text, JSON lines, Zeus) and to CSV records via csv-parse (CodeCarbon,
// eco2ai: quoting matters there). Memory is one chunk plus one partial line.
import { InputError } from '../errors.js';

export interface Line {
  text: string;
  /** 1-based line number. */
  n: number;
  /** False for a last line that ended without a newline (possibly truncated). */
  terminated: boolean;
}

/**
 * Longest line any line-based parser accepts (bytes for the byte scanner, characters here). A
 * log line is under a kilobyte; without a bound, a file that never breaks its first line is
 * held (and, joined chunk by chunk, rescanned) whole. 2 MiB: twice the fast lane's window
 * (fast-lane.ts), so the lane's fallback for a line longer than its window stays reachable.
 */
export const MAX_LINE_BYTES = 2 * 1024 * 1024;

/** LOG_CORRUPT for a line longer than MAX_LINE_BYTES, naming the file and the line. */
export function lineTooLong(file: string, line: number): InputError {
  return new InputError({
    code: 'LOG_CORRUPT',
    file,
    line,
    expected: `lines of at most ${MAX_LINE_BYTES >> 20} MiB`,
    got: `a longer line (no line break within ${MAX_LINE_BYTES >> 20} MiB)`,
  });
}

export async function* readLines(stream: AsyncIterable<Uint8Array>, file: string): AsyncGenerator<Line> {
  const dec = new TextDecoder('utf-8');
  let rest = '';
  let n = 0;
  let first = true;
  for await (const chunk of stream) {
    // A line break can only be in the new text: search from there, not the whole carried line.
    let from = rest.length;
    let text = rest + dec.decode(chunk, { stream: true });
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) {
        text = text.slice(1);
        from = 0;
      }
      first = false;
    }
    let pos = 0;
    for (;;) {
      const nl = text.indexOf('\n', Math.max(pos, from));
      if (nl < 0) break;
      if (nl - pos > MAX_LINE_BYTES) throw lineTooLong(file, n + 1);
      const end = nl > pos && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield { text: text.slice(pos, end), n: ++n, terminated: true };
      pos = nl + 1;
    }
    rest = text.slice(pos);
    if (rest.length > MAX_LINE_BYTES) throw lineTooLong(file, n + 1);
  }
  rest += dec.decode();
  if (rest.length > 0) yield { text: rest.endsWith('\r') ? rest.slice(0, -1) : rest, n: ++n, terminated: false };
}

/** Read a whole (small, structured) document: JSON, YAML. Bounded so a wrong file cannot exhaust memory. */
export async function readAll(stream: AsyncIterable<Uint8Array>, file: string, maxBytes = 256 * 1024 * 1024): Promise<string> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    size += c.byteLength;
    if (size > maxBytes) {
      throw new InputError({ code: 'LOG_CORRUPT', file, expected: `a JSON/YAML document under ${maxBytes >> 20} MiB`, got: 'a larger file' });
    }
    parts.push(Buffer.from(c.buffer, c.byteOffset, c.byteLength));
  }
  let s = Buffer.concat(parts).toString('utf8');
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  return s;
}

export interface CsvRecord {
  cells: string[];
  /** Line number where the record ends (1-based). */
  line: number;
}

/**
 * CSV records with csv-parse (loaded lazily: only CodeCarbon / eco2ai / Zeus need it). Cells
 * trimmed, CRLF or LF, BOM removed, ragged rows allowed (the caller rejects them by count).
 * A syntax error (unclosed quote) is LOG_CORRUPT naming the line.
 */
export async function* readCsv(stream: AsyncIterable<Uint8Array>, file: string): AsyncGenerator<CsvRecord> {
  const { parse } = await import('csv-parse');
  const parser = parse({
    bom: true,
    trim: true,
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    relax_quotes: true,
    // A record (a line, or lines joined by an unclosed quote) is bounded like every other line.
    max_record_size: MAX_LINE_BYTES,
  });
  const feed = (async () => {
    try {
      for await (const chunk of stream) {
        if (parser.destroyed) return;
        if (!parser.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))) {
          await new Promise<void>((resolve) => {
            parser.once('drain', resolve);
            parser.once('close', resolve);
          });
        }
      }
      parser.end();
    } catch (e) {
      parser.destroy(e instanceof Error ? e : new Error(String(e)));
    }
  })();
  try {
    for await (const rec of parser as AsyncIterable<unknown>) {
      const r = rec as { record: string[]; info: { lines: number } };
      yield { cells: r.record, line: r.info.lines };
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const err = e as { code?: string; lines?: number; message?: string };
    if (err.code === 'CSV_MAX_RECORD_SIZE') throw lineTooLong(file, err.lines ?? 1);
    if (typeof err.code === 'string' && err.code.startsWith('CSV_')) {
      throw new InputError({ code: 'LOG_CORRUPT', file, line: err.lines, expected: 'well-formed CSV', got: `${err.code}: ${err.message ?? ''}`.slice(0, 120) });
    }
    throw e;
  } finally {
    if (!parser.writableEnded) parser.destroy();
    await feed;
  }
}
