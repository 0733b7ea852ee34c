// Accelerator reference data: power, embodied (manufacturing) carbon with a range, service life,
// and host (server) embodied carbon per platform. Every figure cites its source (structured in
// `*_references`, readable in `*_source`). Where no manufacturer or peer-reviewed figure exists,
// the value is an ESTIMATE: the `source` says so and how it was made, with a wide low/high range
// that the interpretation step reports rather than a false point value.
//
// Sources (src/data/sources.ts has title, publisher, year, URL of each):
//  - power: each vendor's datasheet (TDP / maximum board power);
//  - embodied: NVIDIA's HGX H100 product carbon footprint (1,312 kg CO2e per 8-GPU baseboard,
//    i.e. 164 kg per GPU, as also used by the textbook chapter "Sustainable AI"); Luccioni et al.
//    2023 (BLOOM, JMLR) for the A100 (150 kg per GPU) and the 8-GPU server (2,500 kg);
//  - lifespan: the paper "Evaluation of ML Resource Utilization Requires Model Life Cycle
//    Assessment" (4 years); the textbook chapter (3–4 years).
import { z } from 'zod';
import { Reference, ref } from './sources.js';

export const Range = z.object({ low: z.number().nonnegative(), central: z.number().nonnegative(), high: z.number().nonnegative() });

export const HardwareSpec = z.object({
  /** Canonical model id used in scenarios and cards, e.g. `H100-SXM`. */
  model: z.string(),
  /** Human name, as a vendor writes it. */
  name: z.string(),
  /** Other spellings (nvidia-smi names, cloud names); matched after normalisation. */
  aliases: z.array(z.string()),
  /** Power per accelerator used for `hours × count × power_w` estimates (W). */
  power_w: z.number().positive(),
  power_basis: z.enum(['tdp', 'typical_training', 'estimate']),
  power_low_w: z.number().positive(),
  power_high_w: z.number().positive(),
  power_source: z.string(),
  power_year: z.number().int(),
  power_references: z.array(Reference),
  /** Manufacturing footprint per accelerator (kg CO2e). */
  embodied_kg: Range,
  embodied_source: z.string(),
  embodied_year: z.number().int(),
  embodied_references: z.array(Reference),
  /** true when the embodied figure is scaled from another part, not published for this one. */
  embodied_estimate: z.boolean(),
  /** Service life (years) for the time-share embodied attribution. */
  lifespan_years: z.number().positive(),
  lifespan_low_years: z.number().positive(),
  lifespan_high_years: z.number().positive(),
  lifespan_source: z.string(),
  lifespan_year: z.number().int(),
  lifespan_references: z.array(Reference),
  /** Summary citation (the weakest of the above is what a reviewer should check first). */
  source: z.string(),
  year: z.number().int(),
});
export type HardwareSpec = z.infer<typeof HardwareSpec>;

const PAPER_LIFESPAN = {
  lifespan_years: 4,
  lifespan_low_years: 3,
  lifespan_high_years: 5,
  lifespan_source:
    'paper "Evaluation of ML Resource Utilization Requires Model Life Cycle Assessment": 4-year GPU lifetime; textbook chapter "Sustainable AI": 3–4 years; 5 years high end (our choice)',
  lifespan_year: 2026,
  lifespan_references: [ref('paper-model-lca'), ref('textbook-sustainable-ai')],
} as const;

type SpecInput = Omit<HardwareSpec, keyof typeof PAPER_LIFESPAN | 'source' | 'year' | 'power_references' | 'embodied_references' | 'embodied_estimate'> & {
  /** Datasheet (source catalog id) of the power figure. */
  power_ref: string;
  embodied_refs: readonly string[];
  embodied_estimate?: boolean;
};

function spec(s: SpecInput): HardwareSpec {
  const { power_ref, embodied_refs, embodied_estimate, ...rest } = s;
  const weakest = [s.power_source, s.embodied_source].find((x) => x.startsWith('estimate'));
  return {
    ...PAPER_LIFESPAN,
    ...rest,
    lifespan_references: [...PAPER_LIFESPAN.lifespan_references],
    power_references: [ref(power_ref)],
    embodied_references: embodied_refs.map(ref),
    embodied_estimate: embodied_estimate ?? s.embodied_source.startsWith('estimate'),
    source: weakest ? `power: ${s.power_source}; embodied: ${s.embodied_source}` : `${s.power_source}; ${s.embodied_source}`,
    year: Math.max(s.power_year, s.embodied_year),
  };
}

// H100 class: 164 kg central = NVIDIA HGX H100 PCF (1,312 kg per 8-GPU baseboard) ÷ 8. The
// baseboard also carries NVSwitch and board parts, so this allocates them to the GPUs. Low/high:
// published estimates range ≈ 15–463 kg per GPU (literature summarised for this project).
const H100_EMBODIED = { low: 15, central: 164, high: 463 };
const H100_EMBODIED_SRC =
  'NVIDIA HGX H100 product carbon footprint (2025): 1,312 kg CO2e per 8-GPU baseboard ÷ 8 = 164 kg; range ≈ 15–463 kg from published estimates';
const H100_REFS = ['nvidia-hgx-h100-pcf', 'textbook-sustainable-ai'];
// A100: 150 kg central (Luccioni et al. 2023, BLOOM). Low/high: the H100 literature spread scaled
// to this central value (an estimate of the range, the central is published).
const A100_EMBODIED = { low: 15, central: 150, high: 420 };
const A100_EMBODIED_SRC = 'Luccioni et al. 2023 (BLOOM, JMLR): 150 kg CO2e per A100; low/high: H100 literature spread scaled (range is our estimate)';
const A100_REFS = ['luccioni-2023-bloom'];

/** Estimate helper: scale the H100 central by a factor (die area + memory), keep a wide range. */
function scaledEstimate(
  factor: number,
  why: string,
): Pick<SpecInput, 'embodied_kg' | 'embodied_source' | 'embodied_year' | 'embodied_refs' | 'embodied_estimate'> {
  const central = Math.round(164 * factor);
  return {
    embodied_kg: { low: Math.max(1, Math.round(central * 0.1)), central, high: Math.round(central * 3) },
    embodied_source: `estimate: no published footprint for this part; the H100 figure (164 kg, NVIDIA HGX H100 PCF ÷ 8) scaled ×${factor} for ${why}; range ÷10 to ×3`,
    embodied_year: 2025,
    embodied_refs: ['nvidia-hgx-h100-pcf'],
    embodied_estimate: true,
  };
}

export const HARDWARE: readonly HardwareSpec[] = [
  spec({
    model: 'H100-SXM',
    name: 'NVIDIA H100 SXM5 80GB',
    aliases: ['H100', 'H100-SXM5', 'H100-SXM5-80GB', 'H100 SXM', 'H100-80GB', 'NVIDIA H100 80GB HBM3', 'HGX H100', 'DGX H100'],
    power_w: 700,
    power_basis: 'tdp',
    power_low_w: 350,
    power_high_w: 700,
    power_source: 'NVIDIA H100 datasheet: SXM max TDP up to 700 W (also the textbook chapter "Sustainable AI")',
    power_ref: 'nvidia-h100-datasheet',
    power_year: 2023,
    embodied_kg: H100_EMBODIED,
    embodied_source: H100_EMBODIED_SRC,
    embodied_refs: H100_REFS,
    embodied_year: 2025,
  }),
  spec({
    model: 'H100-PCIe',
    name: 'NVIDIA H100 PCIe 80GB',
    aliases: ['H100 PCIe', 'H100-PCIE-80GB', 'NVIDIA H100 PCIe'],
    power_w: 350,
    power_basis: 'tdp',
    power_low_w: 200,
    power_high_w: 350,
    power_source: 'NVIDIA H100 datasheet: PCIe max TDP 300–350 W',
    power_ref: 'nvidia-h100-datasheet',
    power_year: 2023,
    embodied_kg: H100_EMBODIED,
    embodied_source: `estimate: same GH100 die and 80 GB memory as the SXM part; ${H100_EMBODIED_SRC}`,
    embodied_refs: H100_REFS,
    embodied_year: 2025,
  }),
  spec({
    model: 'H100-NVL',
    name: 'NVIDIA H100 NVL 94GB',
    aliases: ['H100 NVL', 'NVIDIA H100 NVL'],
    power_w: 400,
    power_basis: 'tdp',
    power_low_w: 250,
    power_high_w: 400,
    power_source: 'NVIDIA H100 datasheet: NVL max TDP 350–400 W',
    power_ref: 'nvidia-h100-datasheet',
    power_year: 2023,
    ...scaledEstimate(1.1, 'the H100 die with 94 GB instead of 80 GB of HBM'),
  }),
  spec({
    model: 'H200-SXM',
    name: 'NVIDIA H200 SXM 141GB',
    aliases: ['H200', 'H200-SXM-141GB', 'NVIDIA H200'],
    power_w: 700,
    power_basis: 'tdp',
    power_low_w: 350,
    power_high_w: 700,
    power_source: 'NVIDIA H200 datasheet: SXM max TDP up to 700 W',
    power_ref: 'nvidia-h200-datasheet',
    power_year: 2024,
    ...scaledEstimate(1.3, 'the H100 die with 141 GB instead of 80 GB of HBM'),
  }),
  spec({
    model: 'A100-SXM-80GB',
    name: 'NVIDIA A100 SXM4 80GB',
    aliases: ['A100', 'A100-80GB', 'A100-SXM4-80GB', 'NVIDIA A100-SXM4-80GB', 'A100 80GB SXM', 'A100-SXM'],
    power_w: 400,
    power_basis: 'typical_training',
    power_low_w: 250,
    power_high_w: 400,
    power_source: 'NVIDIA A100 datasheet: SXM4 400 W TDP (the textbook chapter "Sustainable AI" uses 400 W at typical training load)',
    power_ref: 'nvidia-a100-datasheet',
    power_year: 2021,
    embodied_kg: A100_EMBODIED,
    embodied_source: A100_EMBODIED_SRC,
    embodied_refs: A100_REFS,
    embodied_year: 2023,
  }),
  spec({
    model: 'A100-SXM-40GB',
    name: 'NVIDIA A100 SXM4 40GB',
    aliases: ['A100-40GB', 'A100-SXM4-40GB', 'NVIDIA A100-SXM4-40GB', 'A100 40GB SXM'],
    power_w: 400,
    power_basis: 'typical_training',
    power_low_w: 250,
    power_high_w: 400,
    power_source: 'NVIDIA A100 datasheet: SXM4 400 W TDP (the textbook chapter "Sustainable AI" uses 400 W at typical training load)',
    power_ref: 'nvidia-a100-datasheet',
    power_year: 2021,
    embodied_kg: A100_EMBODIED,
    embodied_source: `estimate: same GA100 die as the 80 GB part; ${A100_EMBODIED_SRC}`,
    embodied_refs: A100_REFS,
    embodied_year: 2023,
  }),
  spec({
    model: 'A100-PCIe-80GB',
    name: 'NVIDIA A100 PCIe 80GB',
    aliases: ['A100-PCIE-80GB', 'NVIDIA A100 80GB PCIe', 'A100 80GB PCIe'],
    power_w: 300,
    power_basis: 'tdp',
    power_low_w: 200,
    power_high_w: 300,
    power_source: 'NVIDIA A100 datasheet: PCIe 80GB 300 W TDP',
    power_ref: 'nvidia-a100-datasheet',
    power_year: 2021,
    embodied_kg: A100_EMBODIED,
    embodied_source: `estimate: same GA100 die as the SXM part; ${A100_EMBODIED_SRC}`,
    embodied_refs: A100_REFS,
    embodied_year: 2023,
  }),
  spec({
    model: 'A100-PCIe-40GB',
    name: 'NVIDIA A100 PCIe 40GB',
    aliases: ['A100-PCIE-40GB', 'NVIDIA A100-PCIE-40GB', 'A100 40GB PCIe', 'A100-PCIe'],
    power_w: 250,
    power_basis: 'tdp',
    power_low_w: 150,
    power_high_w: 250,
    power_source: 'NVIDIA A100 datasheet: PCIe 40GB 250 W TDP',
    power_ref: 'nvidia-a100-datasheet',
    power_year: 2020,
    embodied_kg: A100_EMBODIED,
    embodied_source: `estimate: same GA100 die as the SXM part; ${A100_EMBODIED_SRC}`,
    embodied_refs: A100_REFS,
    embodied_year: 2023,
  }),
  spec({
    model: 'A10G',
    name: 'NVIDIA A10G 24GB (AWS g5)',
    aliases: ['NVIDIA A10G', 'A10G-24GB'],
    power_w: 300,
    power_basis: 'estimate',
    power_low_w: 150,
    power_high_w: 300,
    power_source: 'estimate: 300 W board power limit as commonly reported by nvidia-smi on AWS g5; the NVIDIA A10 datasheet gives 150 W',
    power_ref: 'nvidia-a10-datasheet',
    power_year: 2022,
    ...scaledEstimate(0.3, 'a GA102 die (~628 mm², vs 814 mm²) with 24 GB GDDR6 instead of 80 GB HBM'),
  }),
  spec({
    model: 'A10',
    name: 'NVIDIA A10 24GB',
    aliases: ['NVIDIA A10', 'A10-24GB'],
    power_w: 150,
    power_basis: 'tdp',
    power_low_w: 100,
    power_high_w: 150,
    power_source: 'NVIDIA A10 datasheet: 150 W max TDP',
    power_ref: 'nvidia-a10-datasheet',
    power_year: 2021,
    ...scaledEstimate(0.3, 'a GA102 die with 24 GB GDDR6 instead of 80 GB HBM'),
  }),
  spec({
    model: 'L4',
    name: 'NVIDIA L4 24GB',
    aliases: ['NVIDIA L4', 'L4-24GB'],
    power_w: 72,
    power_basis: 'tdp',
    power_low_w: 40,
    power_high_w: 72,
    power_source: 'NVIDIA L4 datasheet: 72 W max TDP',
    power_ref: 'nvidia-l4-datasheet',
    power_year: 2023,
    ...scaledEstimate(0.2, 'a small AD104 die (~294 mm²) with 24 GB GDDR6'),
  }),
  spec({
    model: 'L40S',
    name: 'NVIDIA L40S 48GB',
    aliases: ['NVIDIA L40S', 'L40S-48GB'],
    power_w: 350,
    power_basis: 'tdp',
    power_low_w: 200,
    power_high_w: 350,
    power_source: 'NVIDIA L40S datasheet: 350 W max TDP',
    power_ref: 'nvidia-l40s-datasheet',
    power_year: 2023,
    ...scaledEstimate(0.4, 'an AD102 die (~609 mm²) with 48 GB GDDR6'),
  }),
  spec({
    model: 'T4',
    name: 'NVIDIA T4 16GB',
    aliases: ['Tesla T4', 'NVIDIA T4', 'T4-16GB'],
    power_w: 70,
    power_basis: 'tdp',
    power_low_w: 30,
    power_high_w: 70,
    power_source: 'NVIDIA T4 datasheet: 70 W TDP',
    power_ref: 'nvidia-t4-datasheet',
    power_year: 2018,
    ...scaledEstimate(0.15, 'a TU104 die (~545 mm², 12 nm) with 16 GB GDDR6'),
  }),
  spec({
    model: 'V100-SXM2',
    name: 'NVIDIA V100 SXM2',
    aliases: ['V100', 'Tesla V100-SXM2-16GB', 'Tesla V100-SXM2-32GB', 'V100-SXM2-16GB', 'V100-SXM2-32GB', 'V100-32GB', 'V100-16GB'],
    power_w: 300,
    power_basis: 'tdp',
    power_low_w: 200,
    power_high_w: 300,
    power_source: 'NVIDIA V100 datasheet: SXM2 300 W TDP',
    power_ref: 'nvidia-v100-datasheet',
    power_year: 2018,
    ...scaledEstimate(0.6, 'a GV100 die (~815 mm², 12 nm) with 16–32 GB HBM2'),
  }),
  spec({
    model: 'V100-PCIe',
    name: 'NVIDIA V100 PCIe',
    aliases: ['Tesla V100-PCIE-16GB', 'Tesla V100-PCIE-32GB', 'V100-PCIE-16GB', 'V100-PCIE-32GB'],
    power_w: 250,
    power_basis: 'tdp',
    power_low_w: 150,
    power_high_w: 250,
    power_source: 'NVIDIA V100 datasheet: PCIe 250 W TDP',
    power_ref: 'nvidia-v100-datasheet',
    power_year: 2018,
    ...scaledEstimate(0.6, 'a GV100 die (~815 mm², 12 nm) with 16–32 GB HBM2'),
  }),
  spec({
    model: 'RTX-3090',
    name: 'NVIDIA GeForce RTX 3090',
    aliases: ['RTX 3090', 'GeForce RTX 3090', 'NVIDIA GeForce RTX 3090', '3090'],
    power_w: 350,
    power_basis: 'tdp',
    power_low_w: 200,
    power_high_w: 350,
    power_source: 'NVIDIA GeForce RTX 3090 specifications: 350 W total graphics power',
    power_ref: 'nvidia-rtx3090-specs',
    power_year: 2020,
    ...scaledEstimate(0.35, 'a GA102 die (~628 mm²) with 24 GB GDDR6X on a consumer board'),
  }),
  spec({
    model: 'RTX-4090',
    name: 'NVIDIA GeForce RTX 4090',
    aliases: ['RTX 4090', 'GeForce RTX 4090', 'NVIDIA GeForce RTX 4090', '4090'],
    power_w: 450,
    power_basis: 'tdp',
    power_low_w: 250,
    power_high_w: 450,
    power_source: 'NVIDIA GeForce RTX 4090 specifications: 450 W total graphics power',
    power_ref: 'nvidia-rtx4090-specs',
    power_year: 2022,
    ...scaledEstimate(0.35, 'an AD102 die (~609 mm²) with 24 GB GDDR6X on a consumer board'),
  }),
  spec({
    model: 'MI300X',
    name: 'AMD Instinct MI300X 192GB',
    aliases: ['AMD Instinct MI300X', 'Instinct MI300X', 'MI300X-192GB'],
    power_w: 750,
    power_basis: 'tdp',
    power_low_w: 400,
    power_high_w: 750,
    power_source: 'AMD Instinct MI300X datasheet: 750 W peak board power',
    power_ref: 'amd-mi300x-datasheet',
    power_year: 2023,
    ...scaledEstimate(1.6, 'a chiplet package (8 XCDs + 4 IODs) with 192 GB HBM3, 2.4× the H100 memory'),
  }),
  spec({
    model: 'TPU-v4',
    name: 'Google Cloud TPU v4',
    aliases: ['TPU v4', 'TPUv4', 'v4'],
    power_w: 192,
    power_basis: 'estimate',
    power_low_w: 120,
    power_high_w: 250,
    power_source: 'estimate: ~170–192 W per chip as reported in Jouppi et al. 2023 (ISCA, TPU v4); check against your own measurements',
    power_ref: 'jouppi-2023-tpuv4',
    power_year: 2023,
    ...scaledEstimate(0.6, 'a ~600–780 mm² 7 nm die with 32 GB HBM2 (no vendor PCF published)'),
  }),
  spec({
    model: 'TPU-v5e',
    name: 'Google Cloud TPU v5e',
    aliases: ['TPU v5e', 'TPUv5e', 'v5e', 'v5litepod'],
    power_w: 200,
    power_basis: 'estimate',
    power_low_w: 100,
    power_high_w: 300,
    power_source:
      'estimate: Google publishes no per-chip power for TPU v5e; 200 W assumed with a wide range (TPU v4 per-chip power from Jouppi et al. 2023 as the nearest published figure)',
    power_ref: 'jouppi-2023-tpuv4',
    power_year: 2024,
    ...scaledEstimate(0.4, 'an inference-oriented chip with 16 GB HBM2 (no vendor PCF published)'),
  }),
];

/** Lower-case, drop vendor words and punctuation: "NVIDIA H100 80GB HBM3" -> "h10080gbhbm3". */
export function normaliseModel(s: string): string {
  return s
    .toLowerCase()
    .replace(/\b(nvidia|amd|google|cloud|tesla|geforce|instinct|gpu|tensor core)\b/g, '')
    .replace(/[^a-z0-9]/g, '');
}

const INDEX: ReadonlyMap<string, HardwareSpec> = (() => {
  const m = new Map<string, HardwareSpec>();
  for (const h of HARDWARE) {
    for (const name of [h.model, h.name, ...h.aliases]) {
      const k = normaliseModel(name);
      if (!m.has(k)) m.set(k, h);
    }
  }
  return m;
})();

// Memory-type suffixes nvidia-smi appends ("80GB HBM3"): tried without them as a second chance.
const MEMORY_SUFFIX = /(hbm3e|hbm3|hbm2e|hbm2|gddr6x|gddr6)$/;

/** The bundled spec for a model name or alias (case, spaces, vendor words ignored), or null. */
export function lookupHardware(model: string): HardwareSpec | null {
  const k = normaliseModel(model);
  if (k === '') return null;
  return INDEX.get(k) ?? INDEX.get(k.replace(MEMORY_SUFFIX, '')) ?? null;
}

/** Canonical models, for did-you-mean hints and docs. */
export const HARDWARE_MODELS: readonly string[] = HARDWARE.map((h) => h.model);

/**
 * Embodied carbon of the host server around the accelerators (CPUs, memory, storage, chassis,
 * network cards; accelerators excluded), per server, for `hardware.host_embodied_kg` defaults.
 */
export const HostEmbodied = z.object({
  /** Platform id, e.g. `8-GPU-A100`. */
  platform: z.string(),
  name: z.string(),
  /** Accelerator models (canonical ids) this server figure applies to. */
  models: z.array(z.string()),
  devices_per_host: z.number().int().positive(),
  host_embodied_kg: Range,
  source: z.string(),
  year: z.number().int(),
  estimate: z.boolean(),
  references: z.array(Reference),
});
export type HostEmbodied = z.infer<typeof HostEmbodied>;

// Luccioni et al. 2023 (BLOOM): 2,500 kg CO2e per server node (HPE Apollo 6500 Gen10 Plus with
// 8 A100 GPUs), GPUs counted apart at 150 kg each. No host-only figure is published for HGX/DGX
// H100 or H200 servers (NVIDIA's HGX H100 PCF covers the GPU baseboard, not the host), so those
// reuse the BLOOM server figure as an estimate of the same server class. The range (÷2 to ×2) is
// our estimate around a single published figure.
const BLOOM_SERVER = { low: 1250, central: 2500, high: 5000 };

export const HOST_EMBODIED: readonly HostEmbodied[] = [
  {
    platform: '8-GPU-A100',
    name: '8-GPU A100 server (HGX/DGX A100 class; BLOOM: HPE Apollo 6500 Gen10 Plus)',
    models: ['A100-SXM-80GB', 'A100-SXM-40GB'],
    devices_per_host: 8,
    host_embodied_kg: BLOOM_SERVER,
    source: 'Luccioni et al. 2023 (BLOOM, JMLR): 2,500 kg CO2e per 8-GPU server node, GPUs excluded; range ÷2 to ×2 (our estimate)',
    year: 2023,
    estimate: false,
    references: [ref('luccioni-2023-bloom')],
  },
  {
    platform: '8-GPU-H100',
    name: '8-GPU H100/H200 server (HGX/DGX H100 or H200 class)',
    models: ['H100-SXM', 'H200-SXM'],
    devices_per_host: 8,
    host_embodied_kg: BLOOM_SERVER,
    source:
      'estimate: no host-only footprint is published for HGX/DGX H100 or H200 servers (the NVIDIA HGX H100 PCF covers the GPU baseboard); the BLOOM 8-GPU server figure (Luccioni et al. 2023, 2,500 kg CO2e, GPUs excluded) is used for the same server class; range ÷2 to ×2',
    year: 2023,
    estimate: true,
    references: [ref('luccioni-2023-bloom'), ref('nvidia-hgx-h100-pcf')],
  },
];

/** The host (server) embodied default for an accelerator model, or null when none is published. */
export function lookupHostEmbodied(model: string): HostEmbodied | null {
  const spec = lookupHardware(model);
  const id = spec?.model ?? model;
  return HOST_EMBODIED.find((h) => h.models.includes(id)) ?? null;
}
