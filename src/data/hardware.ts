// Accelerator reference data: power, embodied (manufacturing) carbon with a range, service life.
// Every figure names its source and year. Where no manufacturer or peer-reviewed figure
// exists, the value is an ESTIMATE (the `source` says so and how it was made) with a wide
// low/high range: the interpretation step reports that range rather than a false point value.
//
// Sources:
//  - textbook: seeds/textbook-sustainable-ai.txt (H100 SXM 700 W; A100 400 W at typical
//    training load; H100 ≈ 164 kg CO2e = NVIDIA HGX H100 product carbon footprint 1,312 kg ÷ 8;
//    A100 ≈ 150 kg citing Luccioni et al. 2023; lifespan 3–4 years).
//  - paper: seeds/paper-model-lca.txt (4-year GPU lifetime, following Morrison et al. 2025).
//  - vendor datasheets for board power (TDP / max board power).
import { z } from 'zod';

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
  /** Manufacturing footprint per accelerator (kg CO2e). */
  embodied_kg: Range,
  embodied_source: z.string(),
  embodied_year: z.number().int(),
  /** Service life (years) for the time-share embodied attribution. */
  lifespan_years: z.number().positive(),
  lifespan_low_years: z.number().positive(),
  lifespan_high_years: z.number().positive(),
  lifespan_source: z.string(),
  lifespan_year: z.number().int(),
  /** Summary citation (the weakest of the above is what a reviewer should check first). */
  source: z.string(),
  year: z.number().int(),
});
export type HardwareSpec = z.infer<typeof HardwareSpec>;

const PAPER_LIFESPAN = {
  lifespan_years: 4,
  lifespan_low_years: 3,
  lifespan_high_years: 5,
  lifespan_source: 'paper (4-year GPU lifetime, after Morrison et al. 2025); textbook gives 3–4 years',
  lifespan_year: 2026,
} as const;

const TEXTBOOK = 'textbook (seeds/textbook-sustainable-ai.txt)';

function spec(s: Omit<HardwareSpec, keyof typeof PAPER_LIFESPAN | 'source' | 'year'> & Partial<Pick<HardwareSpec, keyof typeof PAPER_LIFESPAN>>): HardwareSpec {
  const weakest = [s.power_source, s.embodied_source].find((x) => /estimate/i.test(x));
  return {
    ...PAPER_LIFESPAN,
    ...s,
    source: weakest ? `power: ${s.power_source}; embodied: ${s.embodied_source}` : `${s.power_source}; ${s.embodied_source}`,
    year: Math.max(s.power_year, s.embodied_year),
  };
}

// Embodied range for the H100 class: 164 kg central (NVIDIA HGX H100 PCF ÷ 8, textbook);
// published estimates span ≈ 15–463 kg (literature, as summarised in domain.md).
const H100_EMBODIED = { low: 15, central: 164, high: 463 };
const H100_EMBODIED_SRC = `${TEXTBOOK}: NVIDIA HGX H100 product carbon footprint 1,312 kg ÷ 8 GPUs; range ≈ 15–463 kg from published estimates`;
// A100: 150 kg central (textbook, citing Luccioni et al. 2023). The range is our estimate
// (same relative spread as the H100 literature range, rounded).
const A100_EMBODIED = { low: 15, central: 150, high: 420 };
const A100_EMBODIED_SRC = `${TEXTBOOK}, citing Luccioni et al. 2023 (BLOOM); low/high: estimate, H100 literature spread scaled`;

/** Estimate helper: scale the H100 central by a factor (die area + memory), keep a wide range. */
function scaledEstimate(factor: number, why: string): { embodied_kg: z.infer<typeof Range>; embodied_source: string; embodied_year: number } {
  const central = Math.round(164 * factor);
  return {
    embodied_kg: { low: Math.max(1, Math.round(central * 0.1)), central, high: Math.round(central * 3) },
    embodied_source: `estimate: H100 central 164 kg (textbook) scaled ×${factor} for ${why}; range ÷10 to ×3`,
    embodied_year: 2025,
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
    power_source: `${TEXTBOOK}: H100 SXM 700 W TDP (NVIDIA H100 datasheet)`,
    power_year: 2023,
    embodied_kg: H100_EMBODIED,
    embodied_source: H100_EMBODIED_SRC,
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
    power_year: 2023,
    embodied_kg: H100_EMBODIED,
    embodied_source: `estimate: same GH100 die and 80 GB memory as the SXM part; ${H100_EMBODIED_SRC}`,
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
    power_source: `${TEXTBOOK}: A100 400 W at typical training load (= SXM4 TDP, NVIDIA A100 datasheet)`,
    power_year: 2021,
    embodied_kg: A100_EMBODIED,
    embodied_source: A100_EMBODIED_SRC,
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
    power_source: `${TEXTBOOK}: A100 400 W at typical training load (= SXM4 TDP, NVIDIA A100 datasheet)`,
    power_year: 2021,
    embodied_kg: A100_EMBODIED,
    embodied_source: `estimate: same GA100 die as the 80 GB part; ${A100_EMBODIED_SRC}`,
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
    power_year: 2021,
    embodied_kg: A100_EMBODIED,
    embodied_source: `estimate: same GA100 die as the SXM part; ${A100_EMBODIED_SRC}`,
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
    power_year: 2020,
    embodied_kg: A100_EMBODIED,
    embodied_source: `estimate: same GA100 die as the SXM part; ${A100_EMBODIED_SRC}`,
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
    power_source: 'estimate: Google publishes no per-chip power for TPU v5e; 200 W assumed with a wide range',
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
