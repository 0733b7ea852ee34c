// AssemblyScript source of the power-CSV fast lane (compiled by `npm run wasm` into
// src/ingest/fast-rows-wasm.ts; loaded by src/ingest/fast-lane.ts). Not TypeScript: u8, usize,
// load<T>, v128 are AssemblyScript built-ins; tsc never sees this directory.
//
// Why WebAssembly: on the 2-core CI machine a JavaScript byte loop runs at ~2 ns a byte, so a
// scanner that looks at every byte of the 54 MB bench log cannot finish under the issue's
// 200 MB/s once Node's own start-up (~0.1 s) is paid. Here the columns that are not parsed (the
// GPU name, utilization, memory: half of each row) are skipped 16 bytes at a time with SIMD,
// and the rest is the same byte arithmetic as the general path in power-scan.ts.
//
// Contract (mirrors Scanner.onLine; any row it cannot take exactly as onLine would is left to
// onLine by stopping there): rows in [pos, lim) of linear memory, lim one past a '\n' (so every
// loop stops at a line end at the latest), 32+ readable bytes after lim (vector loads; a
// timestamp is read up to 18 bytes past its start). A row it accepts:
//   - starts with a digit that is not the header's first byte (hdr0);
//   - has, for every column up to `need`, the role given in `roles` (0 skipped, 1 timestamp,
//     2 device key, 3 power);
//   - timestamp `YYYY/MM/DD HH:MM:SS(.f+)` or `YYYY-MM-DD[T ]HH:MM:SS(.f+)`, no zone, year ≥ 100;
//   - device key equal to a registered key (byte for byte, spaces trimmed); or no key column
//     and `single` set;
//   - power `digits[.digits]` then optionally `W` (no sign, exponent or other unit), or `[N/A]`
//     (passed on as NaN, as the general path reads it);
//   - fields end at ',' or the line end ('\r' only directly before '\n'); no quote when `quotes`;
//   - a leading timestamp as wide as the last one (onLine's width hint), when tsWidth > 0.
// For each row: device slot, time (epoch s) and power (as logged) go to the output arrays, in
// file order. Returns where it stopped: lim, or the first row it does not take, or the row after
// the `cap`-th.

const POW10: StaticArray<f64> = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

let tsWidth: i32 = 0;
let rows: i32 = 0;
let cachedYmd: i32 = -1;
let cachedDay: f64 = 0;
// The first 16 bytes of the last timestamp taken ("YYYY/MM/DD HH:MM") and its value up to the
// minute: consecutive rows share them, and equal bytes give an equal value, so a row whose 16
// bytes are equal skips straight to the seconds.
let prefix: v128 = i64x2.splat(0);
let prefixOk = false;
let prefixValue: f64 = 0;

export function getTsWidth(): i32 {
  return tsWidth;
}
export function setTsWidth(w: i32): void {
  tsWidth = w;
}
/** Rows written by the last scan. */
export function getRows(): i32 {
  return rows;
}

// @ts-ignore: decorator
@inline function d2(p: usize): i32 {
  const x = <i32>load<u8>(p) - 48;
  const y = <i32>load<u8>(p + 1) - 48;
  return <u32>x <= 9 && <u32>y <= 9 ? x * 10 + y : -1;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil); linear in d, so day 31 of a 30-day month rolls over as Date.UTC does. */
function daysFromCivil(y0: i32, m: i32, d: i32): i32 {
  const y = m <= 2 ? y0 - 1 : y0;
  const era = (y >= 0 ? y : y - 399) / 400;
  const yoe = y - era * 400;
  const doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/** First byte at or after p that is ',', '\n' or '\r' (or '"' when quotes). */
// @ts-ignore: decorator
@inline function fieldEnd(p: usize, quotes: bool): usize {
  const comma = i8x16.splat(44);
  const nl = i8x16.splat(10);
  const cr = i8x16.splat(13);
  const q = i8x16.splat(34);
  let bits: i32 = 0;
  for (;;) {
    const v = v128.load(p);
    let m = v128.or(v128.or(i8x16.eq(v, comma), i8x16.eq(v, nl)), i8x16.eq(v, cr));
    if (quotes) m = v128.or(m, i8x16.eq(v, q));
    bits = i8x16.bitmask(m);
    if (bits != 0) break;
    p += 16;
  }
  return p + <usize>ctz<i32>(bits);
}

/** First '\n' at or after p. */
// @ts-ignore: decorator
@inline function lineEnd(p: usize): usize {
  const nl = i8x16.splat(10);
  let bits: i32 = 0;
  for (;;) {
    bits = i8x16.bitmask(i8x16.eq(v128.load(p), nl));
    if (bits != 0) break;
    p += 16;
  }
  return p + <usize>ctz<i32>(bits);
}

/**
 * keyOff/keyLen: u32 arrays of nkeys registered keys (their bytes anywhere in memory).
 * outSlot: i32[cap]; outT, outV: f64[cap].
 */
export function scan(
  pos: usize,
  lim: usize,
  roles: usize,
  need: i32,
  hdr0: i32,
  quotes: bool,
  single: bool,
  keyOff: usize,
  keyLen: usize,
  nkeys: i32,
  outSlot: usize,
  outT: usize,
  outV: usize,
  cap: i32,
): usize {
  rows = 0;
  const tsFirst = load<u8>(roles) == 1;
  while (pos < lim && rows < cap) {
    const c0 = <i32>load<u8>(pos);
    if (c0 < 48 || c0 > 57 || c0 == hdr0) break;
    let i = pos;
    let t: f64 = 0;
    let v: f64 = 0;
    let slot: i32 = single ? 0 : -1;
    let tsW: i32 = -1;
    let f: i32 = 0;
    let ok = true;
    for (;;) {
      const role = <i32>load<u8>(roles + <usize>f);
      let c: i32;
      if (role == 0) {
        i = fieldEnd(i, quotes);
        c = <i32>load<u8>(i);
        if (c == 34) {
          ok = false;
          break;
        }
      } else {
        if (f != 0) while (load<u8>(i) == 32) i++;
        if (role == 1) {
          const s = i;
          const head = v128.load(s);
          let base: f64;
          if (prefixOk && v128.all_true<i8>(i8x16.eq(head, prefix))) {
            base = prefixValue;
          } else {
            const sep = <i32>load<u8>(s + 4);
            const sp = <i32>load<u8>(s + 10);
            if (!((sep == 47 || sep == 45) && <i32>load<u8>(s + 7) == sep && (sp == 32 || sp == 84) && load<u8>(s + 13) == 58)) {
              ok = false;
              break;
            }
            const yh = d2(s);
            const yl = d2(s + 2);
            const mo = d2(s + 5);
            const d = d2(s + 8);
            const hh = d2(s + 11);
            const mi = d2(s + 14);
            if (yh < 0 || yl < 0 || mo < 0 || d < 0 || hh < 0 || mi < 0) {
              ok = false;
              break;
            }
            const y = yh * 100 + yl;
            const ymd = y * 10000 + mo * 100 + d;
            if (ymd != cachedYmd) {
              // Date.UTC reads years 0-99 as 1900-1999: left to the general path.
              if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 100) {
                ok = false;
                break;
              }
              cachedYmd = ymd;
              cachedDay = <f64>daysFromCivil(y, mo, d) * 86400.0;
            }
            // As the general path sums it: day + hh × 3600 + mi × 60 (exact integers in f64).
            base = cachedDay + <f64>(hh * 3600) + <f64>(mi * 60);
            prefix = head;
            prefixValue = base;
            prefixOk = true;
          }
          const ss = d2(s + 17);
          if (load<u8>(s + 16) != 58 || ss < 0) {
            ok = false;
            break;
          }
          t = base + <f64>ss;
          i = s + 19;
          if (load<u8>(i) == 46) {
            i++;
            let cc = <i32>load<u8>(i);
            // Digits after the 15th are dropped, as in the general path; 15 digits are exact in
            // an i64 and in an f64 alike, so the integer sum equals the general path's f64 sum.
            let fr: i64 = 0;
            let fd: i32 = 0;
            while (cc >= 48 && cc <= 57) {
              if (fd < 15) {
                fr = fr * 10 + <i64>(cc - 48);
                fd++;
              }
              i++;
              cc = <i32>load<u8>(i);
            }
            t += <f64>fr / unchecked(POW10[fd]);
          }
          while (load<u8>(i) == 32) i++;
        } else if (role == 2) {
          const ks = i;
          let ke = i;
          let cc = <i32>load<u8>(i);
          let quoted = false;
          while (cc != 44 && cc != 10 && cc != 13) {
            if (cc == 34) {
              quoted = true;
              break;
            }
            i++;
            if (cc != 32) ke = i;
            cc = <i32>load<u8>(i);
          }
          if (quoted) {
            ok = false;
            break;
          }
          const len = <u32>(ke - ks);
          slot = -1;
          for (let k = 0; k < nkeys; k++) {
            if (load<u32>(keyLen + (<usize>k << 2)) != len) continue;
            const kp = <usize>load<u32>(keyOff + (<usize>k << 2));
            let same = true;
            for (let j: usize = 0; j < <usize>len; j++) {
              if (load<u8>(kp + j) != load<u8>(ks + j)) {
                same = false;
                break;
              }
            }
            if (same) {
              slot = k;
              break;
            }
          }
          if (slot < 0) {
            ok = false;
            break;
          }
        } else if (load<u8>(i) == 91 && load<u8>(i + 1) == 78 && load<u8>(i + 2) == 47 && load<u8>(i + 3) == 65 && load<u8>(i + 4) == 93) {
          // "[N/A]" (nvidia-smi's "not available"): the general path reads no digits, so NaN,
          // which DeviceAcc counts and skips.
          v = NaN;
          i += 5;
          while (load<u8>(i) == 32) i++;
        } else {
          let cc = <i32>load<u8>(i);
          if (!(cc >= 48 && cc <= 57)) {
            ok = false;
            break;
          }
          // Integer and fraction digits summed in i64: exact, and equal to the general path's f64
          // sums, up to 15 digits each; longer numbers go to the general path.
          const is = i;
          let mm: i64 = 0;
          do {
            mm = mm * 10 + <i64>(cc - 48);
            i++;
            cc = <i32>load<u8>(i);
          } while (cc >= 48 && cc <= 57);
          if (i - is > 15) {
            ok = false;
            break;
          }
          v = <f64>mm;
          if (cc == 46) {
            i++;
            const fs = i;
            let fr: i64 = 0;
            cc = <i32>load<u8>(i);
            while (cc >= 48 && cc <= 57) {
              fr = fr * 10 + <i64>(cc - 48);
              i++;
              cc = <i32>load<u8>(i);
            }
            const fd = <i32>(i - fs);
            if (fd > 15) {
              ok = false;
              break;
            }
            if (fd > 0) v = <f64>mm + <f64>fr / unchecked(POW10[fd]);
          }
          while (load<u8>(i) == 32) i++;
          if (load<u8>(i) == 87) {
            i++;
            while (load<u8>(i) == 32) i++;
          }
        }
        c = <i32>load<u8>(i);
      }
      // A field ends at ',' or at the line end ('\r' only directly before '\n'), nothing else.
      if (c != 44 && c != 10 && (c != 13 || load<u8>(i + 1) != 10)) {
        ok = false;
        break;
      }
      if (f == 0) tsW = <i32>(i - pos);
      if (++f == need) break;
      // More fields needed, none left: a short row.
      if (c != 44) {
        ok = false;
        break;
      }
      i++;
    }
    if (!ok || slot < 0) break;
    if (tsFirst) {
      if (tsWidth > 0 && tsW != tsWidth) break;
      tsWidth = tsW;
    }
    i = lineEnd(i);
    store<i32>(outSlot + (<usize>rows << 2), slot);
    store<f64>(outT + (<usize>rows << 3), t);
    store<f64>(outV + (<usize>rows << 3), v);
    rows++;
    pos = i + 1;
  }
  return pos;
}
