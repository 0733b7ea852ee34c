// AMD GPUs, when ROCm is installed (rocm-smi on PATH): the amdgpu driver's hwmon power sensor,
// /sys/class/drm/cardN/device/hwmon/hwmonM/power1_average (µW; power1_input on newer boards),
// which is the value `rocm-smi --showpower` prints. Read directly, as the RAPL counters are, so
// there is no process per sample. A device with less than 4 GiB of VRAM is an APU's integrated
// GPU: its power is part of the CPU package already counted, so it is left out.
import path from 'node:path';
import type { SysReader } from './system.js';

export interface AmdGpu {
  /** Channel id: `amdgpu0` for card0. */
  id: string;
  powerFile: string;
  name: string | null;
}

const MIN_VRAM_BYTES = 4 * 1024 ** 3;

export function discoverAmdGpus(sys: SysReader, sysfsRoot: string): { gpus: AmdGpu[]; skipped: string[] } {
  const drm = path.join(sysfsRoot, 'class/drm');
  const cards = (sys.list(drm) ?? []).filter((c) => /^card\d+$/.test(c)).sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
  const gpus: AmdGpu[] = [];
  const skipped: string[] = [];
  for (const card of cards) {
    const dev = path.join(drm, card, 'device');
    const hwmonDir = path.join(dev, 'hwmon');
    for (const h of sys.list(hwmonDir) ?? []) {
      const dir = path.join(hwmonDir, h);
      if ((sys.read(path.join(dir, 'name')) ?? '').trim() !== 'amdgpu') continue;
      const vram = Number((sys.read(path.join(dev, 'mem_info_vram_total')) ?? '').trim());
      if (Number.isFinite(vram) && vram > 0 && vram < MIN_VRAM_BYTES) {
        skipped.push(`${card} (integrated GPU, ${Math.round(vram / 1024 ** 2)} MiB VRAM: counted in the CPU package)`);
        continue;
      }
      const powerFile = ['power1_average', 'power1_input'].map((f) => path.join(dir, f)).find((f) => readMicroWatts(sys, f) !== null);
      if (!powerFile) {
        skipped.push(`${card} (no readable power sensor)`);
        continue;
      }
      const name = (sys.read(path.join(dev, 'product_name')) ?? '').trim() || null;
      gpus.push({ id: `amdgpu${card.slice(4)}`, powerFile, name });
      break;
    }
  }
  return { gpus, skipped };
}

/** W from a µW sensor file, or null. */
export function readMicroWatts(sys: SysReader, file: string): number | null {
  const s = sys.read(file);
  if (s === null || s.trim() === '') return null;
  const v = Number(s.trim());
  return Number.isFinite(v) && v >= 0 ? v / 1e6 : null;
}
