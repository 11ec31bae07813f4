// Made-up responses for tests, the benchmark and demonstrations: deterministic for a seed, with the things
// real answers have (people who lean positive or negative, "weet ik niet", skipped questions).
import { answerCodes, backgroundCategories, type Instrument } from '../../domain/instrument';
import type { ScanResponse } from '../../domain/response';

export interface SampleOptions {
	seed?: number;
	teams?: readonly string[];
	/** Texts for the open questions; one is picked per respondent who writes something. */
	openTexts?: readonly string[];
}

export function sampleResponses(
	instrument: Instrument,
	count: number,
	perspective: ScanResponse['perspective'] = 'employee',
	options: SampleOptions = {}
): ScanResponse[] {
	const random = mulberry32(options.seed ?? 1);
	const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
	const codes = answerCodes(instrument);
	const responses: ScanResponse[] = [];
	for (let i = 0; i < count; i++) {
		const lean = random() * 2 - 1;
		const answers: Record<string, number | null> = {};
		for (const item of instrument.items) {
			// Aspects differ from one another, as in a real firm, so strengths and points to grow stand out.
			const shift = aspectShift(instrument, item.aspect);
			const roll = random();
			if (roll < 0.03) answers[item.id] = null;
			else if (roll < 0.07) answers[item.id] = instrument.scale.dontKnow;
			else {
				const value = Math.round(3.3 + shift + lean * 1.2 + (random() - 0.5) * 2);
				const clamped = Math.min(instrument.scale.max, Math.max(instrument.scale.min, value));
				answers[item.id] = item.reverse ? 6 - clamped : clamped;
			}
		}
		const background: Record<string, string | null> = {};
		if (perspective === 'employee') {
			for (const question of instrument.background) {
				const categories = backgroundCategories(question, options.teams ?? []);
				background[question.id] = random() < 0.08 ? null : (pick(categories)?.id ?? null);
			}
		}
		const barriers = instrument.learning.barriers.options.filter(() => random() < 0.25).map((o) => o.id);
		const yesNo = () => (random() < 0.1 ? null : random() < 0.5);
		const scale = () => pick(codes) ?? null;
		const open: Record<string, string | null> = {};
		for (const question of instrument.open) {
			open[question.id] = options.openTexts && random() < 0.6 ? (pick(options.openTexts) ?? null) : null;
		}
		responses.push({
			perspective,
			answers,
			background,
			learning:
				perspective === 'employee'
					? { formal: yesNo(), nonFormal: yesNo(), informal: yesNo(), need: scale(), intention: scale(), barriers }
					: { formal: null, nonFormal: null, informal: null, need: null, intention: null, barriers: [] },
			open: perspective === 'employee' ? open : {}
		});
	}
	return responses;
}

function aspectShift(instrument: Instrument, aspectId: string): number {
	const index = instrument.aspects.findIndex((a) => a.id === aspectId);
	return ((index * 7) % 6) / 5 - 0.5;
}

/** A small seeded random generator: the same seed gives the same sample, in tests and benchmarks. */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
