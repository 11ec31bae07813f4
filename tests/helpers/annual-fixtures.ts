// Published network figures for the annual report's tests, as the benchmark and the pilot evaluation will
// deliver them: each passes the zod schemas the CLI's JSON is checked with, so a fixture cannot drift from them.
import { networkReportSchema, pilotEvaluationSchema, type NetworkReport, type PilotEvaluation } from '../../src/lib/domain/network/published';

const aspects = (values: Record<string, number>) => values;

export const BENCHMARK: NetworkReport = networkReportSchema.parse({
	network: 'leernetwerk-oost',
	threshold: 5,
	firms: 12,
	aspects: [
		{ id: 'werk', firms: 12, mean: 3.84, p25: 3.5, p50: 3.9, p75: 4.1 },
		{ id: 'ruimte', firms: 12, mean: 3.41, p25: 3.1, p50: 3.4, p75: 3.7 },
		{ id: 'samen', firms: 12, mean: 3.72, p25: 3.4, p50: 3.7, p75: 4.0 },
		{ id: 'leiding', firms: 11, mean: 3.26, p25: 2.9, p50: 3.3, p75: 3.6 },
		{ id: 'organisatie', firms: 12, mean: 2.93, p25: 2.6, p50: 2.9, p75: 3.2 },
		{ id: 'buitenwereld', firms: 12, mean: 3.15, p25: 2.8, p50: 3.2, p75: 3.5 }
	],
	groupings: [
		{
			variable: 'sector',
			groups: [
				{ category: 'bouw', label: 'Bouw', firms: 7, suppressed: false, aspects: aspects({ werk: 3.9, ruimte: 3.3, samen: 3.8, leiding: 3.1, organisatie: 2.8, buitenwereld: 3.0 }) },
				{ category: 'horeca', label: 'Horeca', firms: null, suppressed: true, aspects: null },
				{ category: 'overig', label: 'Overig', firms: null, suppressed: true, aspects: null }
			]
		},
		{
			variable: 'size',
			groups: [
				{ category: '10-49', label: '10 tot 50 medewerkers', firms: 12, suppressed: false, aspects: aspects({ werk: 3.84, ruimte: 3.41, samen: 3.72, leiding: 3.26, organisatie: 2.93, buitenwereld: 3.15 }) }
			]
		}
	]
});

export const PILOT_EVALUATION: PilotEvaluation = pilotEvaluationSchema.parse({
	pilot: 'leerambassadeurs',
	threshold: 5,
	aspects: [
		{ id: 'werk', pilot: { firms: 6, change: 0.5 }, comparison: { firms: 7, change: 0.1 }, did: 0.4, ci95: [0.1, 0.7], effectSize: 0.55 },
		{ id: 'ruimte', pilot: { firms: 4, change: null }, comparison: { firms: 7, change: null }, did: null, ci95: null, effectSize: null },
		{ id: 'samen', pilot: { firms: 6, change: 0.2 }, comparison: { firms: 7, change: 0.1 }, did: 0.1, ci95: [-0.2, 0.4], effectSize: 0.12 },
		{ id: 'leiding', pilot: { firms: 6, change: -0.2 }, comparison: { firms: 7, change: 0.1 }, did: -0.3, ci95: [-0.5, -0.1], effectSize: -0.35 }
	]
});
