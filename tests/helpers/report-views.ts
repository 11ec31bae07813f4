// Report views without a database, for the tests of the HTML and the PDF report.
import { loadInstrument } from '../../src/lib/domain/instrument';
import { buildRoundReport } from '../../src/lib/server/report/publish/publish-report';
import type { ReportRound } from '../../src/lib/server/report/publish/report-round';
import type { RoundReport } from '../../src/lib/server/report/publish/round-report';
import type { Comparison } from '../../src/lib/server/report/publish/round-change';
import { roundChange } from '../../src/lib/domain/report';
import { sampleResponses } from '../../src/lib/server/report/sample-responses';

export interface SampleViewOptions {
	employees: number;
	invited?: number;
	openAnswersVerbatim?: boolean;
	openTexts?: string[];
	locale?: 'nl' | 'en';
	firmName?: string;
	closed?: boolean;
	tooLate?: number;
	origin?: 'collected' | 'imported';
	advice?: RoundReport['advice'];
	/** An earlier round to compare with: its number of employees (made-up answers with another seed). */
	earlier?: { employees: number; name?: string };
	/** Actions done between the two rounds. */
	actions?: Comparison['actions'];
}

export function sampleView(options: SampleViewOptions): RoundReport {
	const instrument = loadInstrument('v1');
	const round: ReportRound = {
		id: '00000000-0000-4000-8000-000000000001',
		firmId: '00000000-0000-4000-8000-000000000002',
		name: 'Voorjaar 2026',
		instrumentVersion: 'v1',
		opensOn: '2026-03-01',
		closesOn: '2026-03-31',
		status: options.closed ? 'closed' : 'open',
		invited: options.invited ?? Math.max(options.employees, 1),
		teams: ['Werkplaats', 'Kantoor'],
		threshold: 5,
		openAnswersVerbatim: options.openAnswersVerbatim ?? false,
		supervisorName: null,
		origin: options.origin ?? 'collected',
		employees: 20,
		followups: []
	};
	const employees = sampleResponses(instrument, options.employees, 'employee', { teams: round.teams, openTexts: options.openTexts });
	const owners = sampleResponses(instrument, 1, 'owner', { seed: 99 });
	const figures = options.employees >= round.threshold;
	const report = buildRoundReport(figures ? round : { ...round, invited: 0 }, figures ? employees : [], owners, options.tooLate ?? 0, options.locale ?? 'nl');
	const comparison = options.earlier ? comparisonOf(round, report, options.earlier, options.actions ?? []) : noComparison;
	return {
		firmName: options.firmName ?? 'Bakkerij De Korenaar',
		comparison,
		round: { id: round.id, name: round.name, opensOn: round.opensOn, closesOn: round.closesOn, closed: options.closed ?? false },
		version: figures ? { number: 1, publishedOn: '2026-03-10' } : null,
		tooLate: options.tooLate ?? 0,
		report: { ...report, change: comparison.change },
		advice: options.advice ?? { recommendations: [], worrySet: false },
		networks: []
	};
}

const noComparison: Comparison = { change: null, against: null, choices: [], refused: false, history: [], actions: [] };

function comparisonOf(round: ReportRound, report: ReturnType<typeof buildRoundReport>, earlier: { employees: number; name?: string }, actions: Comparison['actions']): Comparison {
	const before = buildRoundReport(round, sampleResponses(loadInstrument('v1'), earlier.employees, 'employee', { seed: 7, teams: round.teams }), [], 0, report.locale);
	const against = { id: '00000000-0000-4000-8000-000000000003', name: earlier.name ?? 'Najaar 2025', opensOn: '2025-10-01', closesOn: '2025-10-31' };
	const means = (r: typeof report) => Object.fromEntries(r.aspects.map((a) => [a.id, a.employee.mean]));
	return {
		change: roundChange(report, { name: against.name, report: before }),
		against,
		choices: [against],
		refused: false,
		history: [
			{ round: against, means: means(before) },
			{ round: { id: round.id, name: round.name, opensOn: round.opensOn, closesOn: round.closesOn }, means: means(report) }
		],
		actions
	};
}
