// Byte-level scanner for large power logs (nvidia-smi --query-gpu CSV, generic power CSV, wide
// per-GPU CSV). Justified by bench/ (npm run bench): a readline parser that splits strings and
// builds Dates is ~10× slower on the 54 MB 8-GPU × 24 h log. Two paths, same results:
//  - the fast lane (fast-lane.ts, WebAssembly) takes the common row (unquoted, a timestamp of the
//    two common shapes without a zone, a known device, plain watts) and hands back
//    (device, time, power), which is integrated here;
//  - the general path (onLine) takes every other line, from the raw chunk: line ends with
//    Buffer#indexOf, field ends with a byte loop, numbers and the two common timestamp shapes
//    parsed from bytes (the date part cached), the device key matched by hash + bytes, so a row
//    allocates no strings. Anything unusual (quotes, other timestamp shapes, unit suffixes other
//    than `W`) takes a slower string path for that cell.
// test/ingest/lane-fuzz.test.ts checks that both paths give the same SOURCE on random logs.
// Memory: one chunk plus one partial line, whatever the file size.
import { InputError } from '../errors.js';
import type { DeviceAcc } from './builder.js';
import { type ColumnPlan, type Measure, inferPlan, planFromHeader } from './columns.js';
import { type FastLane, type LaneConfig, fastLane } from './fast-lane.js';
import { MAX_LINE_BYTES, lineTooLong } from './lines.js';
import { TimeColumn } from './time.js';
import type { ParseContext } from './types.js';
import { readUnit, type UnitReading } from './units.js';

const MAX_FIELDS = 256;
const POW10: number[] = Array.from({ length: 23 }, (_, i) => 10 ** i);
const latin1 = (b: Buffer, s: number, e: number): string => b.toString('utf8', s, e);

interface KeyEntry {
  hash: number;
  bytes: Buffer;
  acc: DeviceAcc;
}

export interface ScanOptions {
  /** Accept a headerless file and infer its columns (nvidia-smi noheader). */
  allowNoHeader: boolean;
  /** The writer never quotes cells (nvidia-smi): unparsed fields are skipped with indexOf. */
  unquoted?: boolean;
}

class Scanner {
  plan: ColumnPlan | null = null;
  header: Buffer | null = null;
  repeatedHeaders = 0;
  line = 0;
  private readonly starts = new Int32Array(MAX_FIELDS + 1);
  private readonly ends = new Int32Array(MAX_FIELDS + 1);
  private keys: KeyEntry[] = [];
  private fixed: DeviceAcc[] = [];
  private single: DeviceAcc | null = null;
  private cachedYmd = -1;
  /** Width of the last good leading timestamp field (0: unknown / not column 0). */
  private tsWidth = 0;
  private hinted = false;
  /** 1 for fields found with indexOf (see split). */
  private skip = new Uint8Array(MAX_FIELDS + 1);
  private cachedDay = 0;
  /**
   * Fast lane (fast-lane.ts): the role of each column up to plan.need (0 not parsed, 1 timestamp,
   * 2 device key, 3 power); null when the plan has more than one measure, a host column, no
   * timestamp or a non-power measure, or when WebAssembly is unavailable.
   */
  private laneCfg: LaneConfig | null = null;
  private readonly lane = fastLane();
  private fastFactor = 1;
  /** Numeric value of the last parseNum's unit suffix range (start, end); -1 when none. */
  private sufS = -1;
  private sufE = -1;
  /** How the time column reads (absolute or relative seconds, time.ts). */
  private time = new TimeColumn();
  /** Ambiguous unit suffixes in cells (`5 mw`) already warned about. */
  private readonly warnedSuffix = new Set<string>();

  constructor(
    private readonly ctx: ParseContext,
    private readonly opts: ScanOptions,
  ) {}

  feed(buf: Buffer, last: boolean): number {
    let pos = 0;
    const n = buf.length;
    // One past the last line end: the fast lane takes whole lines only.
    const lim = buf.lastIndexOf(10) + 1;
    for (;;) {
      if (this.laneCfg !== null && pos < lim) pos = this.fast(buf, pos, lim);
      const nl = buf.indexOf(10, pos);
      if (nl < 0) break;
      this.line++;
      this.onLine(buf, pos, nl > pos && buf[nl - 1] === 13 ? nl - 1 : nl, true);
      pos = nl + 1;
    }
    if (last && pos < n) {
      this.line++;
      this.onLine(buf, pos, buf[n - 1] === 13 ? n - 1 : n, false);
      pos = n;
    }
    return pos;
  }

  /**
   * The fast lane (fast-lane.ts) over whole lines b[pos, lim): the rows it takes are integrated
   * here exactly as onLine would (same values, same order, same state); returns the start of the
   * first line it does not take, which then goes to onLine.
   */
  private fast(b: Buffer, pos: number, lim: number): number {
    const lane = this.lane as FastLane;
    const cfg = this.laneCfg as LaneConfig;
    const out = this.ctx.out;
    const factor = this.fastFactor;
    cfg.single = this.single !== null;
    // A headerless file's first line was read as data: no header byte to exclude then.
    const hdr = this.header;
    cfg.hdr0 = hdr === null || hdr.length === 0 ? -1 : (hdr[0] as number);
    while (pos < lim) {
      cfg.tsWidth = this.tsWidth;
      const r = lane.scan(b, pos, lim, cfg);
      const n = r.rows;
      if (n > 0) {
        const slots = lane.slots;
        const times = lane.times;
        const values = lane.values;
        const single = this.single;
        const keys = this.keys;
        for (let k = 0; k < n; k++) {
          const dev = single ?? (keys[slots[k] as number] as KeyEntry).acc;
          dev.addPower(times[k] as number, (values[k] as number) * factor);
        }
        this.line += n;
        out.rows += n;
        // The lane takes dated rows only: the time column is absolute (as parseTs decides).
        this.time.relative = false;
      }
      this.tsWidth = r.tsWidth;
      pos = r.pos;
      if (r.stopped) break;
    }
    return pos;
  }

  /**
   * Field boundaries into starts/ends, stopping once `need` fields are found (columns after the
   * last one used are not scanned: a third of the bytes of a typical nvidia-smi row). Returns the
   * number of fields found (≤ need), -1 for too many fields, -2 when a quote needs the slow path.
   */
  private split(b: Buffer, s: number, e: number, need: number, hint: boolean): number {
    const starts = this.starts;
    const ends = this.ends;
    let f = 0;
    let i = s;
    starts[0] = s;
    // A leading timestamp of the width seen last (nvidia-smi's is always 23 bytes) is not
    // scanned byte by byte; parseTs validates every byte of it, and a miss re-splits.
    const w = this.tsWidth;
    this.hinted = false;
    if (hint && w > 0 && b[s + w] === 44 && s + w < e) {
      this.hinted = true;
      ends[0] = s + w;
      f = 1;
      if (f >= need) return f;
      starts[1] = i = s + w + 1;
    }
    const skip = this.skip;
    for (; i < e; i++) {
      if (skip[f] === 1) {
        // A field whose bytes are not parsed (the GPU name, unused columns): let the native
        // indexOf find its end instead of a byte loop (bench: ~15 % of the scan time).
        const c2 = b.indexOf(44, i);
        if (c2 < 0 || c2 >= e) break;
        i = c2;
        ends[f] = i;
        if (++f >= need) return need === MAX_FIELDS ? -1 : f;
        starts[f] = i + 1;
        continue;
      }
      const c = b[i];
      if (c === 44) {
        ends[f] = i;
        if (++f >= need) return need === MAX_FIELDS ? -1 : f;
        starts[f] = i + 1;
      } else if (c === 34) return -2;
    }
    ends[f] = e;
    return f + 1;
  }

  private cells(b: Buffer, s: number, e: number): string[] {
    return splitQuoted(b.toString('utf8', s, e));
  }

  /** The first non-comment line: a header (consumed, returns true) or headerless data (returns false). */
  private firstLine(b: Buffer, s: number, e: number): boolean {
    const cells = this.cells(b, s, e);
    const plan = planFromHeader(cells);
    if (plan) {
      this.setPlan(plan, b, s, e);
      return true;
    }
    const inferred = this.opts.allowNoHeader ? inferPlan(cells) : null;
    if (!inferred) {
      throw new InputError({
        code: 'LOG_CORRUPT',
        file: this.ctx.path,
        line: this.line,
        expected:
          'a header naming a power or energy column (e.g. power.draw [W], power_w, energy_j), or a headerless nvidia-smi row with a timestamp and a power value',
        got: JSON.stringify(b.toString('utf8', s, Math.min(e, s + 80))),
      });
    }
    this.setPlan(inferred, b, s, e);
    this.header = null;
    this.ctx.out.warn(
      inferred.ncols === 1
        ? `no header: one power value (W) per line, read as one GPU (nvidia-smi --query-gpu=power.draw --format=csv,noheader,nounits); with several GPUs nvidia-smi prints a line per GPU per interval, so query index,power.draw to tell them apart`
        : `no header: columns inferred from line ${this.line} (timestamp ${inferred.ts >= 0 ? `column ${inferred.ts + 1}` : 'none'}, device key ${inferred.key >= 0 ? `column ${inferred.key + 1}` : 'none'}, power ${inferred.measures[0]?.header ?? ''})`,
    );
    return false;
  }

  /** A line that does not fit the plan: a new header (re-plan) or a rejected row. */
  private misfit(b: Buffer, s: number, e: number, quoted: string[] | null, reason: string, counted: boolean): void {
    const out = this.ctx.out;
    const cells = quoted ?? this.cells(b, s, e);
    const p2 = planFromHeader(cells);
    if (p2 && !/^\s*\d/.test(cells[0] ?? '')) {
      if (counted) out.rows--;
      out.warn(`header changed at line ${this.line}; columns re-read from it`);
      this.setPlan(p2, b, s, e);
      return;
    }
    if (!counted) out.rows++;
    out.reject(this.line, reason);
  }

  private onLine(b: Buffer, s: number, e: number, terminated: boolean): void {
    if (e - s > MAX_LINE_BYTES) throw lineTooLong(this.ctx.path, this.line);
    while (s < e && (b[s] === 32 || b[s] === 9)) s++;
    if (s >= e) return;
    if (b[s] === 35) return; // '#' comment
    if (s === 0 && this.line === 1 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) s = 3;
    const hdr = this.header;
    if (this.plan === null) {
      if (this.firstLine(b, s, e)) return;
    } else if (hdr !== null && e - s === hdr.length && b[s] === hdr[0] && b.compare(hdr, 0, hdr.length, s, e) === 0) {
      this.repeatedHeaders++;
      return;
    }
    const plan = this.plan as ColumnPlan;
    const out = this.ctx.out;
    // Rows are checked for their field count only as far as the used columns reach, except the
    // last, unterminated line, which is counted in full (truncated writes).
    const need = terminated ? plan.need : MAX_FIELDS;
    let nf = this.split(b, s, e, need, true);
    let quoted: string[] | null = null;
    if (nf === -2) {
      quoted = this.cells(b, s, e);
      nf = quoted.length;
    }
    if (terminated ? nf < plan.need : nf !== plan.ncols) {
      this.misfit(b, s, e, quoted, terminated ? `expected ${plan.ncols} fields` : 'truncated last line', false);
      return;
    }
    out.rows++;
    if (quoted) {
      this.rowFromStrings(quoted, terminated);
      return;
    }
    const starts = this.starts;
    const ends = this.ends;
    let t: number | null = null;
    const tsCol = plan.ts;
    if (tsCol >= 0) {
      t = this.parseTs(b, starts[tsCol] as number, ends[tsCol] as number);
      if (t === null && this.hinted) {
        // The width hint may have cut the field wrongly: split again by scanning.
        this.split(b, s, e, need, false);
        t = this.parseTs(b, starts[tsCol] as number, ends[tsCol] as number);
      }
      if (t === null) {
        this.misfit(b, s, e, null, terminated ? 'unparseable timestamp' : 'truncated last line', true);
        return;
      }
      if (tsCol === 0) this.tsWidth = (ends[0] as number) - (starts[0] as number);
    }
    const measures = plan.measures;
    let acc: DeviceAcc | null = null;
    for (let k = 0; k < measures.length; k++) {
      const m = measures[k] as Measure;
      let dev: DeviceAcc;
      if (m.device !== null) dev = this.fixedDevice(m.col, m.device);
      else dev = acc ??= this.deviceOf(b);
      let v = this.parseNum(b, starts[m.col] as number, ends[m.col] as number);
      if (this.sufS >= 0 && v === v) v = this.suffix(b, v, m);
      if (!terminated && k === measures.length - 1 && v !== v) {
        out.reject(this.line, 'truncated last line');
        return;
      }
      v *= m.factor;
      if (m.kind === 'power') dev.addPower(t, v);
      else if (m.kind === 'counter') dev.addCounter(t, v);
      else if (v === v) {
        if (v < 0) dev.negative++;
        else dev.addEnergy(v, t);
        if (t !== null) out.seen(t);
      } else dev.na++;
    }
  }

  private setPlan(plan: ColumnPlan, b: Buffer, s: number, e: number): void {
    this.plan = plan;
    this.ctx.out.columns(plan.measures);
    this.time = new TimeColumn(plan.tsScale, plan.tsRelative);
    if (plan.tsRelative) this.ctx.out.relativeTime = true;
    this.tsWidth = 0;
    this.skip = new Uint8Array(MAX_FIELDS + 1);
    if (this.opts.unquoted) {
      // nvidia-smi never quotes: fields that are not parsed per row can be skipped natively.
      const parsed = new Set([plan.ts, plan.key, plan.host, ...plan.measures.map((m) => m.col)]);
      for (let c = 0; c < plan.need; c++) if (!parsed.has(c)) this.skip[c] = 1;
    }
    this.header = Buffer.from(b.subarray(s, e));
    this.keys = [];
    this.laneCfg = null;
    const m = plan.measures[0];
    if (
      this.lane !== null &&
      plan.measures.length === 1 &&
      m !== undefined &&
      m.kind === 'power' &&
      m.device === null &&
      // A column whose unit the values decide reads every cell on the general path, which notes
      // a unit written in a cell (builder.ts decideUnit must not rescale those).
      (m.unitCase === 'certain' || m.unitCase === 'suspect') &&
      plan.ts >= 0 &&
      !plan.tsRelative &&
      plan.host < 0 &&
      m.col !== plan.ts &&
      m.col !== plan.key &&
      plan.key !== plan.ts
    ) {
      const roles = new Uint8Array(plan.need);
      roles[plan.ts] = 1;
      if (plan.key >= 0) roles[plan.key] = 2;
      roles[m.col] = 3;
      this.laneCfg = { roles, hdr0: -1, quotes: this.opts.unquoted !== true, single: false, keys: this.keys, tsWidth: 0 };
      this.fastFactor = m.factor;
    }
    this.fixed = [];
    this.single = null;
  }

  /**
   * A value with its unit in the cell (`312.45 W`, `500000 mW`). A plain `W` is what the fast
   * lane takes too; any other unit marks the column as unit-per-cell (Measure.cellUnits), which
   * only this path can see, so only rows the lane never takes mark it. An ambiguous unit (`mw`)
   * takes its SI reading and is named once in the warnings.
   */
  private suffix(b: Buffer, v: number, m: Measure): number {
    const s = this.sufS;
    const e = this.sufE;
    const plainW = m.kind === 'power' && e - s === 1 && b[s] === 87; // "W"
    if (!plainW || m.unitCase === 'none' || m.unitCase === 'ambiguous') m.cellUnits = true;
    if (plainW) return v;
    const text = b.toString('latin1', s, e);
    const read = readUnit(text, m.kind === 'power' ? 'power' : 'energy');
    if (read === null) return Number.NaN;
    const r = read.readings[0] as UnitReading;
    if (read.ambiguous && !this.warnedSuffix.has(text)) {
      this.warnedSuffix.add(text);
      this.ctx.out.warn(
        `column ${JSON.stringify(m.header)}: values in ${JSON.stringify(text)} may be ${read.readings.map((x) => x.name).join(' or ')}; read as ${r.name} (${r.symbol})`,
      );
    }
    return v * r.factor;
  }

  /** Number from bytes: sign, digits, fraction, exponent; trailing unit left in sufS/sufE. NaN if none. */
  private parseNum(b: Buffer, s: number, e: number): number {
    this.sufS = -1;
    while (s < e && b[s] === 32) s++;
    while (e > s && b[e - 1] === 32) e--;
    if (s >= e) return Number.NaN;
    let i = s;
    let c = b[i] as number;
    let neg = false;
    if (c === 45 || c === 43) {
      neg = c === 45;
      if (++i >= e) return Number.NaN;
      c = b[i] as number;
    }
    const intStart = i;
    let m = 0;
    while (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      if (++i >= e) break;
      c = b[i] as number;
    }
    let digits = i - intStart;
    let v = m;
    if (i < e && c === 46) {
      const fs = ++i;
      let f = 0;
      while (i < e) {
        c = b[i] as number;
        if (c < 48 || c > 57) break;
        f = f * 10 + (c - 48);
        i++;
      }
      const fd = i - fs;
      digits += fd;
      if (fd > 0) v = m + f / (fd < POW10.length ? (POW10[fd] as number) : 10 ** fd);
    }
    if (digits === 0) return Number.NaN;
    if (i < e && (b[i] === 101 || b[i] === 69)) {
      let k = i + 1;
      let eneg = false;
      if (b[k] === 45) {
        eneg = true;
        k++;
      } else if (b[k] === 43) k++;
      let x = 0;
      const xs = k;
      while (k < e && (b[k] as number) >= 48 && (b[k] as number) <= 57) {
        x = x * 10 + ((b[k] as number) - 48);
        k++;
      }
      if (k > xs) {
        v *= 10 ** (eneg ? -x : x);
        i = k;
      }
    }
    if (i < e) {
      while (i < e && b[i] === 32) i++;
      this.sufS = i;
      this.sufE = e;
    }
    return neg ? -v : v;
  }

  private parseTs(b: Buffer, s: number, e: number): number | null {
    while (s < e && b[s] === 32) s++;
    while (e > s && b[e - 1] === 32) e--;
    const tc = this.time;
    // YYYY/MM/DD HH:MM:SS(.fff) and YYYY-MM-DD[T ]HH:MM:SS(.f+)(Z|±hh:mm)
    if (e - s >= 19 && tc.relative !== true) {
      const sep = b[s + 4];
      if ((sep === 47 || sep === 45) && b[s + 7] === sep && (b[s + 10] === 32 || b[s + 10] === 84) && b[s + 13] === 58 && b[s + 16] === 58) {
        const y = d4(b, s);
        const mo = d2(b, s + 5);
        const d = d2(b, s + 8);
        const hh = d2(b, s + 11);
        const mi = d2(b, s + 14);
        const ss = d2(b, s + 17);
        if (y >= 0 && mo >= 0 && d >= 0 && hh >= 0 && mi >= 0 && ss >= 0) {
          const ymd = y * 10000 + mo * 100 + d;
          if (ymd !== this.cachedYmd) {
            if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
            this.cachedYmd = ymd;
            this.cachedDay = Date.UTC(y, mo - 1, d) / 1000;
          }
          let t = this.cachedDay + hh * 3600 + mi * 60 + ss;
          let k = s + 19;
          if (k < e && (b[k] === 46 || b[k] === 44)) {
            k++;
            let f = 0;
            let fd = 0;
            while (k < e && (b[k] as number) >= 48 && (b[k] as number) <= 57) {
              if (fd < 15) {
                f = f * 10 + ((b[k] as number) - 48);
                fd++;
              }
              k++;
            }
            t += f / (POW10[fd] ?? 1);
          }
          if (k === e || (b[k] === 90 && k + 1 === e)) {
            tc.relative = false;
            return t;
          }
          if ((b[k] === 43 || b[k] === 45) && (e - k === 6 || e - k === 5)) {
            const oh = d2(b, k + 1);
            const om = d2(b, e - 2);
            if (oh >= 0 && om >= 0) {
              tc.relative = false;
              return t - (b[k] === 45 ? -1 : 1) * (oh * 3600 + om * 60);
            }
          }
        }
      }
    }
    const c = b[s] ?? 0;
    if (c >= 48 && c <= 57) {
      const v = this.parseNum(b, s, e);
      if (this.sufS < 0) return this.timeOf(v);
    }
    return this.timeText(b.toString('utf8', s, e));
  }

  /** Seconds from a plain number in the time column (epoch, or relative: time.ts TimeColumn). */
  private timeOf(v: number): number | null {
    const t = this.time.fromNumber(v);
    if (this.time.relative === true) this.relativeTimes();
    return t;
  }

  private timeText(text: string): number | null {
    const t = this.time.fromText(text, this.ctx.out.dates);
    if (this.time.relative === true) this.relativeTimes();
    return t;
  }

  /** Times are seconds since the log began: no start/end dates, and no fast lane (it reads dates). */
  private relativeTimes(): void {
    this.ctx.out.relativeTime = true;
    this.laneCfg = null;
  }

  private deviceOf(b: Buffer): DeviceAcc {
    const plan = this.plan as ColumnPlan;
    if (plan.key < 0 && plan.host < 0) {
      if (this.single === null) {
        const name = plan.name >= 0 ? trimmed(b, this.starts[plan.name] ?? 0, this.ends[plan.name] ?? 0) : null;
        this.single = this.ctx.out.device('0', { name });
      }
      return this.single;
    }
    let ks = plan.key >= 0 ? (this.starts[plan.key] ?? 0) : 0;
    let ke = plan.key >= 0 ? (this.ends[plan.key] ?? 0) : 0;
    while (ks < ke && b[ks] === 32) ks++;
    while (ke > ks && b[ke - 1] === 32) ke--;
    let hs = plan.host >= 0 ? (this.starts[plan.host] ?? 0) : 0;
    let he = plan.host >= 0 ? (this.ends[plan.host] ?? 0) : 0;
    while (hs < he && b[hs] === 32) hs++;
    while (he > hs && b[he - 1] === 32) he--;
    let h = 0x811c9dc5;
    for (let i = ks; i < ke; i++) h = Math.imul(h ^ (b[i] as number), 16777619);
    h = Math.imul(h ^ 124, 16777619);
    for (let i = hs; i < he; i++) h = Math.imul(h ^ (b[i] as number), 16777619);
    const len = ke - ks + 1 + he - hs;
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as KeyEntry;
      if (k.hash === h && k.bytes.length === len && sameBytes(k.bytes, b, ks, ke, hs, he)) return k.acc;
    }
    const key = latin1(b, ks, ke);
    const host = plan.host >= 0 ? latin1(b, hs, he) : null;
    const name = plan.name >= 0 ? trimmed(b, this.starts[plan.name] ?? 0, this.ends[plan.name] ?? 0) : null;
    const acc = this.ctx.out.device(host ? `${host}/${key || '0'}` : key || '0', { name, host });
    const bytes = Buffer.concat([b.subarray(ks, ke), Buffer.from([124]), b.subarray(hs, he)]);
    keys.push({ hash: h, bytes, acc });
    return acc;
  }

  private fixedDevice(col: number, device: string): DeviceAcc {
    let d = this.fixed[col];
    if (!d) {
      d = this.ctx.out.device(device);
      this.fixed[col] = d;
    }
    return d;
  }

  /** Slow path for a row with quoted cells. */
  private rowFromStrings(cells: string[], terminated: boolean): void {
    const plan = this.plan as ColumnPlan;
    const out = this.ctx.out;
    let t: number | null = null;
    if (plan.ts >= 0) {
      t = this.timeText(cells[plan.ts] ?? '');
      if (t === null) {
        out.reject(this.line, terminated ? 'unparseable timestamp' : 'truncated last line');
        return;
      }
    }
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    for (const m of plan.measures) {
      const dev =
        m.device !== null
          ? this.fixedDevice(m.col, m.device)
          : out.device(plan.host >= 0 ? `${cell(plan.host)}/${cell(plan.key) || '0'}` : cell(plan.key) || '0', {
              name: cell(plan.name) || null,
              host: cell(plan.host) || null,
            });
      const buf = Buffer.from(cell(m.col), 'utf8');
      let v = this.parseNum(buf, 0, buf.length);
      if (this.sufS >= 0 && v === v) v = this.suffix(buf, v, m);
      v *= m.factor;
      if (m.kind === 'power') dev.addPower(t, v);
      else if (m.kind === 'counter') dev.addCounter(t, v);
      else if (v >= 0) dev.addEnergy(v, t);
      else if (v === v) dev.negative++;
      else dev.na++;
    }
  }
}

/** bytes === b[ks..ke) + '|' + b[hs..he), without a native call per row. */
function sameBytes(bytes: Buffer, b: Buffer, ks: number, ke: number, hs: number, he: number): boolean {
  let j = 0;
  for (let i = ks; i < ke; i++) if (bytes[j++] !== b[i]) return false;
  j++;
  for (let i = hs; i < he; i++) if (bytes[j++] !== b[i]) return false;
  return true;
}

function d2(b: Buffer, i: number): number {
  const x = (b[i] as number) - 48;
  const y = (b[i + 1] as number) - 48;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
}

function d4(b: Buffer, i: number): number {
  const h = d2(b, i);
  const l = d2(b, i + 2);
  return h >= 0 && l >= 0 ? h * 100 + l : -1;
}

function trimmed(b: Buffer, s: number, e: number): string | null {
  const v = b.toString('utf8', s, e).trim();
  return v === '' || v === '[N/A]' ? null : v;
}

/** Minimal CSV split for the rare quoted row ("a, b",c). */
export function splitQuoted(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (q) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          cur += '"';
          i++;
        } else q = false;
      } else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Stream a power CSV into ctx.out. */
export async function scanPowerCsv(stream: AsyncIterable<Uint8Array>, ctx: ParseContext, opts: ScanOptions): Promise<void> {
  const sc = new Scanner(ctx, opts);
  let rest: Buffer | null = null;
  for await (const chunk of stream) {
    let buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (rest !== null) {
      // Only the line that straddles the chunk boundary is copied. Bounded: a file that never
      // breaks its line would otherwise be copied over and over as it grows (quadratic).
      const nl = buf.indexOf(10);
      if (nl < 0) {
        if (rest.length + buf.length > MAX_LINE_BYTES) throw lineTooLong(ctx.path, sc.line + 1);
        rest = Buffer.concat([rest, buf]);
        continue;
      }
      if (rest.length + nl > MAX_LINE_BYTES) throw lineTooLong(ctx.path, sc.line + 1);
      sc.feed(Buffer.concat([rest, buf.subarray(0, nl + 1)]), false);
      buf = buf.subarray(nl + 1);
      rest = null;
    }
    const used = sc.feed(buf, false);
    if (buf.length - used > MAX_LINE_BYTES) throw lineTooLong(ctx.path, sc.line + 1);
    rest = used < buf.length ? Buffer.from(buf.subarray(used)) : null;
  }
  if (rest !== null && rest.length > 0) sc.feed(rest, true);
  if (sc.plan === null) {
    throw new InputError({ code: 'LOG_CORRUPT', file: ctx.path, expected: 'a header and at least one data row', got: 'an empty log' });
  }
  if (sc.repeatedHeaders > 0) ctx.out.warn(`${sc.repeatedHeaders} repeated header line(s) skipped (concatenated logs)`);
  if (ctx.out.rows > 0 && ctx.out.rowsRejected === ctx.out.rows) {
    throw new InputError({
      code: 'LOG_CORRUPT',
      file: ctx.path,
      line: sc.line,
      expected: `rows matching the header (${sc.plan.ncols} fields, a timestamp and a power value)`,
      got: `all ${ctx.out.rows} rows rejected`,
    });
  }
}
