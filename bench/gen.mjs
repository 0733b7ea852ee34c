// Deterministic nvidia-smi --query-gpu log for the benchmark: GPUS × SECONDS at 1 s, interleaved,
// with [N/A] power values (~0.1 %) and the header repeated every hour (logs concatenated after a
// restart), like `nvidia-smi --query-gpu=timestamp,index,name,power.draw,utilization.gpu,memory.used --format=csv -l 1`.
// Also returns the energy the file holds, computed independently (plain trapezoid in doubles),
// so the benchmark can check the CLI's answer.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const HEADER = 'timestamp, index, name, power.draw [W], utilization.gpu [%], memory.used [MiB]';
const pad = (n, w = 2) => String(n).padStart(w, '0');

export async function generate(file, { gpus = 8, seconds = 86400, start = Date.UTC(2024, 9, 13, 0, 0, 0) } = {}) {
  let seed = 42;
  const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296;
  const out = createWriteStream(file);
  let buf = `${HEADER}\n`;
  let bytes = 0;
  const last = new Array(gpus).fill(null);
  let energyJ = 0;
  for (let s = 0; s < seconds; s++) {
    if (s > 0 && s % 3600 === 0) buf += `${HEADER}\n`;
    const d = new Date(start + s * 1000);
    const ms = pad(Math.floor(rand() * 1000), 3);
    const ts = `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${ms}`;
    const t = start / 1000 + s + Number(ms) / 1000;
    for (let g = 0; g < gpus; g++) {
      const na = rand() < 0.001;
      const w = Math.round((350 + 300 * Math.sin(s / 600 + g) + 40 * rand()) * 100) / 100;
      const util = Math.floor(rand() * 100);
      const mem = 40000 + Math.floor(rand() * 40000);
      buf += `${ts}, ${g}, NVIDIA H100 80GB HBM3, ${na ? '[N/A]' : `${w.toFixed(2)} W`}, ${util} %, ${mem} MiB\n`;
      if (!na) {
        const p = last[g];
        if (p) energyJ += ((p.w + w) / 2) * (t - p.t);
        last[g] = { t, w };
      }
    }
    if (buf.length > 1 << 20) {
      bytes += Buffer.byteLength(buf);
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  bytes += Buffer.byteLength(buf);
  out.end(buf);
  await once(out, 'finish');
  return { bytes, energyKwh: energyJ / 3.6e6 };
}
