// How a version's shown sets are stored beside it (report_version.shown_sets): the respondents (response row
// ids) once, each set as a bitset over them in base64, so that a version of thousands stays small.
import { z } from 'zod';
import type { ShownSets } from '../../../domain/report';

export const packedShownSetsSchema = z.strictObject({
	units: z.array(z.string()),
	sets: z.record(z.string(), z.record(z.string(), z.string()))
});

export type PackedShownSets = z.infer<typeof packedShownSetsSchema>;

export function packShownSets(shown: ShownSets): PackedShownSets {
	const units = [...new Set(Object.values(shown).flatMap((sets) => Object.values(sets).flat()))].sort();
	const index = new Map(units.map((u, i) => [u, i]));
	const sets: PackedShownSets['sets'] = {};
	for (const [measure, byId] of Object.entries(shown)) {
		sets[measure] = {};
		for (const [id, members] of Object.entries(byId)) {
			const bits = new Uint8Array(Math.ceil(units.length / 8));
			for (const m of members) {
				const i = index.get(m)!;
				bits[i >> 3] = bits[i >> 3]! | (1 << (i & 7));
			}
			sets[measure][id] = Buffer.from(bits).toString('base64');
		}
	}
	return { units, sets };
}

export function unpackShownSets(packed: PackedShownSets): ShownSets {
	const shown: ShownSets = {};
	for (const [measure, byId] of Object.entries(packed.sets)) {
		shown[measure] = {};
		for (const [id, encoded] of Object.entries(byId)) {
			const bits = Buffer.from(encoded, 'base64');
			shown[measure][id] = packed.units.filter((_, i) => ((bits[i >> 3] ?? 0) & (1 << (i & 7))) !== 0);
		}
	}
	return shown;
}
