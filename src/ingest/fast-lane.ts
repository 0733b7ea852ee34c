// The power-CSV fast lane: the common nvidia-smi row (timestamp, device key, plain watts) parsed
// in WebAssembly (assembly/fast-rows.ts, its contract there) and handed back as (device slot,
// time, power) triples for Scanner (power-scan.ts) to integrate. Every row it does not take goes
// to the general path, which gives the same result (fuzzed in test/ingest/lane-fuzz.test.ts).
// Why: on the 2-core CI machine a plain JavaScript byte loop costs ~2 ns a byte, and the JS lane
// it replaced reached ~240–280 MB/s marginal; this one ~590–770 MB/s (bench/README.md).
//
// One instance per process, created on first use (compiling 2 KB takes about a millisecond);
// scanners take turns (a scan is synchronous), so each call passes its own state in. Where
// WebAssembly is unavailable (node --jitless), `fastLane()` returns null and the general path
// reads every row.
import { FAST_ROWS_WASM_BASE64 } from './fast-rows-wasm.js';

interface Exports {
  memory: { buffer: ArrayBuffer };
  scan(
    pos: number,
    lim: number,
    roles: number,
    need: number,
    hdr0: number,
    quotes: number,
    single: number,
    keyOff: number,
    keyLen: number,
    nkeys: number,
    outSlot: number,
    outT: number,
    outV: number,
    cap: number,
  ): number;
  getRows(): number;
  getTsWidth(): number;
  setTsWidth(w: number): void;
}

// Linear memory (48 pages of 64 KiB, fixed; the module's own data lies below 64 KiB).
const ROLES = 64 << 10;
const MAX_ROLES = 256;
const KEY_OFF = ROLES + 1024;
const MAX_KEYS = 1024;
const KEY_LEN = KEY_OFF + 4 * MAX_KEYS;
const KEY_BYTES = KEY_LEN + 4 * MAX_KEYS;
const KEY_BYTES_END = KEY_BYTES + (64 << 10);
/** Rows per scan: a row the lane takes is at least 22 bytes (timestamp, comma, digit, '\n'). */
const CAP = 1 << 16;
const OUT_SLOT = KEY_BYTES_END;
const OUT_T = OUT_SLOT + 4 * CAP;
const OUT_V = OUT_T + 8 * CAP;
const IN = OUT_V + 8 * CAP;
/** Bytes of input per scan, followed by SLACK zeroed bytes (the lane reads up to 18 past the last line end). */
const WINDOW = 1 << 20;
const SLACK = 64;
const MEMORY_BYTES = 48 * 65536;

export interface LaneConfig {
  /** Per column up to the last used: 0 skipped, 1 timestamp, 2 device key, 3 power. */
  roles: Uint8Array;
  /** First byte of the header line (-1 when none): such a line is never a data row. */
  hdr0: number;
  /** The writer may quote cells: a quote sends the row to the general path. */
  quotes: boolean;
  /** No key column and the single device exists already. */
  single: boolean;
  /**
   * The scanner's device keys, in slot order: trimmed key bytes, then '|' and the host, which is
   * empty here (the lane runs only for plans without a host column).
   */
  keys: readonly { bytes: Uint8Array }[];
  /** The width hint of a leading timestamp (power-scan.ts split). */
  tsWidth: number;
}

export interface LaneResult {
  /** Where the scan stopped (absolute offset in the caller's buffer). */
  pos: number;
  rows: number;
  tsWidth: number;
  /** True when it stopped at a row it does not take (not at the end or the row cap). */
  stopped: boolean;
}

export class FastLane {
  readonly slots: Int32Array;
  readonly times: Float64Array;
  readonly values: Float64Array;
  private readonly mem: Uint8Array;
  private readonly keyOff: Uint32Array;
  private readonly keyLen: Uint32Array;
  /** Keys written to memory, and for whom (a scanner's key list). */
  private keysOf: LaneConfig['keys'] | null = null;
  private nkeys = 0;
  private keyBytes = 0;
  /** Rows taken since the process started (tests check the lane is used at all). */
  taken = 0;
  /** The window in memory: which buffer, which range. */
  private held: Uint8Array | null = null;
  private heldFrom = 0;
  private heldTo = 0;

  constructor(private readonly x: Exports) {
    const buf = x.memory.buffer;
    if (buf.byteLength < MEMORY_BYTES) throw new Error('fast lane: memory smaller than its layout');
    this.mem = new Uint8Array(buf);
    this.slots = new Int32Array(buf, OUT_SLOT, CAP);
    this.times = new Float64Array(buf, OUT_T, CAP);
    this.values = new Float64Array(buf, OUT_V, CAP);
    this.keyOff = new Uint32Array(buf, KEY_OFF, MAX_KEYS);
    this.keyLen = new Uint32Array(buf, KEY_LEN, MAX_KEYS);
  }

  /**
   * Scan whole lines of b[pos, lim) (lim one past a '\n'), a window of at most WINDOW bytes at
   * a time. The rows taken are in slots/times/values[0, rows); call again from the returned pos
   * until it reaches lim or `stopped` (then onLine takes one line, and the scan goes on).
   */
  scan(b: Uint8Array, pos: number, lim: number, cfg: LaneConfig): LaneResult {
    const mem = this.mem;
    if (cfg.roles.length > MAX_ROLES || cfg.roles.length === 0) return { pos, rows: 0, tsWidth: cfg.tsWidth, stopped: true };
    // The caller comes back after each line the lane stops at: a window is copied in once, not
    // once per stop.
    let at: number;
    let stop: number;
    if (b === this.held && pos >= this.heldFrom && pos < this.heldTo && this.heldTo <= lim) {
      at = IN + (pos - this.heldFrom);
      stop = IN + (this.heldTo - this.heldFrom);
    } else {
      let end = lim;
      if (end - pos > WINDOW) {
        end = b.lastIndexOf(10, pos + WINDOW - 1) + 1;
        // A line longer than the window: the general path.
        if (end <= pos) return { pos, rows: 0, tsWidth: cfg.tsWidth, stopped: true };
      }
      mem.set(b.subarray(pos, end), IN);
      mem.fill(0, IN + (end - pos), IN + (end - pos) + SLACK);
      this.held = b;
      this.heldFrom = pos;
      this.heldTo = end;
      at = IN;
      stop = IN + (end - pos);
    }
    mem.set(cfg.roles, ROLES);
    this.syncKeys(cfg.keys);
    const x = this.x;
    x.setTsWidth(cfg.tsWidth);
    const r = x.scan(
      at,
      stop,
      ROLES,
      cfg.roles.length,
      cfg.hdr0,
      cfg.quotes ? 1 : 0,
      cfg.single ? 1 : 0,
      KEY_OFF,
      KEY_LEN,
      this.nkeys,
      OUT_SLOT,
      OUT_T,
      OUT_V,
      CAP,
    );
    const rows = x.getRows();
    this.taken += rows;
    return { pos: pos + (r - at), rows, tsWidth: x.getTsWidth(), stopped: r < stop && rows < CAP };
  }

  /** Write the keys the module has not seen; all of them when another key list was last. */
  private syncKeys(keys: LaneConfig['keys']): void {
    if (this.keysOf !== keys || keys.length < this.nkeys) {
      this.keysOf = keys;
      this.nkeys = 0;
      this.keyBytes = 0;
    }
    // Slots are positions in `keys`: a key that does not fit stops registration (its rows, and
    // those of later keys, take the general path).
    while (this.nkeys < keys.length && this.nkeys < MAX_KEYS) {
      const entry = (keys[this.nkeys] as { bytes: Uint8Array }).bytes;
      const k = entry.subarray(0, entry.length - 1); // without the '|' of the empty host
      if (KEY_BYTES + this.keyBytes + k.length > KEY_BYTES_END) break;
      this.mem.set(k, KEY_BYTES + this.keyBytes);
      this.keyOff[this.nkeys] = KEY_BYTES + this.keyBytes;
      this.keyLen[this.nkeys] = k.length;
      this.keyBytes += k.length;
      this.nkeys++;
    }
  }
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

let lane: FastLane | null | undefined;
let enabled = true;

/**
 * Switch the lane off (or on again) for scanners created after the call: tests and the bench
 * compare the lane with the general path this way.
 */
export function setFastLane(on: boolean): void {
  enabled = on;
}

/** The process's fast lane, or null where WebAssembly is unavailable (or it is switched off). */
export function fastLane(): FastLane | null {
  if (!enabled) return null;
  if (lane !== undefined) return lane;
  try {
    // The lib in tsconfig has no WebAssembly types (no DOM); the two constructors used are these.
    const wa = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    const mod = new wa.Module(Buffer.from(FAST_ROWS_WASM_BASE64, 'base64'));
    lane = new FastLane(new wa.Instance(mod, {}).exports as Exports);
  } catch {
    lane = null;
  }
  return lane;
}
