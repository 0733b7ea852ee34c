// What a log format is (style.md §5): an id, a sniff of the file's head, and a streaming parse
// that feeds a SourceBuilder. `registry.ts` lists them; detection takes the best sniff.
import type { SourceBuilder } from './builder.js';

export interface IngestOptions {
  /** Sampling interval for logs without timestamps (s). */
  interval_s?: number | undefined;
  /** Hardware model (scenario `hardware.model`) for plausibility checks when the log names none. */
  hardwareModel?: string | undefined;
  /** Gaps longer than this are not integrated across (s); default see integrate.ts. */
  gapThreshold_s?: number | undefined;
}

export interface ParseContext {
  path: string;
  opts: IngestOptions;
  out: SourceBuilder;
}

export interface LogFormat {
  id: string;
  /** One line for `--help` and error messages. */
  description: string;
  /**
   * Confidence in [0, 1] that `head` (the first ≤ 64 KiB, decoded as UTF-8) is this format.
   * The path is a tie-breaker hint only (e.g. README.md for a model card), never decisive alone.
   */
  sniff(head: string, path: string): number;
  parse(stream: AsyncIterable<Uint8Array>, ctx: ParseContext): Promise<void>;
  /**
   * parse() is done with each chunk before it asks for the next (it keeps no reference to one),
   * so the reader may refill one buffer (Io ChunkSource.reuseChunks).
   */
  borrowsChunks?: boolean;
}
