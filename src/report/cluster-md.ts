// The "Per host" section for multi-node stages (issue 7): energy, devices, time span and clock
// offset of each host, from the card's `extensions.cluster` (written by the pipeline from
// ingest/merge.ts). Pure: card in, markdown out; host names come from logs, so they are escaped.
import { markdownTable } from 'markdown-table';
import { z } from 'zod';
import { escapeMarkdown as esc } from './escape.js';
import { count, fmt, NBSP, scaleFor } from './format.js';

const HostRow = z.object({
  host: z.string(),
  energy_kwh: z.number().nullable(),
  scope: z.string(),
  devices: z.number(),
  duration_s: z.number().nullable(),
  offset_s: z.number().nullable(),
});
export const ClusterExtension = z.record(z.string(), z.object({ hosts: z.array(HostRow), skew_s: z.number().nullable() }));

/** Empty string when the card has no multi-node stage. */
export function renderClusterSection(card: { extensions?: Record<string, unknown> | undefined }): string {
  const parsed = ClusterExtension.safeParse(card.extensions?.cluster);
  if (!parsed.success || Object.keys(parsed.data).length === 0) return '';
  const out: string[] = [];
  for (const [stage, c] of Object.entries(parsed.data)) {
    const energy = scaleFor(
      c.hosts.map((h) => h.energy_kwh),
      'kWh',
    );
    out.push(
      `**${esc(stage)}**: ${c.hosts.length} hosts` + (c.skew_s !== null ? `, host clocks within ${fmt(c.skew_s)}${NBSP}s of each other` : '') + '.',
      '',
      markdownTable(
        [
          ['host', `measured energy,<br>before overhead (${energy.unit})`, 'scope', 'devices', 'span<br>(h)', 'clock<br>offset (s)'],
          ...c.hosts.map((h) => [
            esc(h.host),
            energy.format(h.energy_kwh),
            esc(h.scope),
            count(h.devices),
            fmt(h.duration_s === null ? null : h.duration_s / 3600),
            fmt(h.offset_s),
          ]),
        ],
        { align: ['l', 'r', 'l', 'r', 'r', 'r'] },
      ),
      '',
    );
  }
  out.push(
    "Energy is integrated per host and device on each host's own clock, so clock skew does not change it; measured energy is before the IT overhead factor and PUE.",
  );
  return `${out.join('\n')}\n`;
}
