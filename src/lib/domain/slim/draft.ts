// A draft activity plan for a SLIM application (Stimuleringsregeling leren en ontwikkelen in
// mkb-ondernemingen): the firm, the scan and what came out of it, and the actions the firm chose with their
// planning. SLIM part (a) pays for a company scan that leads to a development plan, part (c) for a method
// of learning during work. Only published figures go in: the report's employee means are null where hidden,
// and stay out of the draft then. The official templates and e-form remain the application; this is help.
import type { KnowledgeEntry } from '../knowledge/entry';
import type { Report } from '../report';

export interface SlimAction {
	title: string;
	why: string;
	aspectId: string | null;
	entrySlug: string | null;
	assigneeName: string | null;
	startsOn: string | null;
	dueOn: string | null;
	status: 'niet-gestart' | 'bezig' | 'klaar' | 'gestopt';
}

export interface SlimDraftInput {
	firm: { name: string; sector: string; province: string; employees: number; sizeClass: string };
	round: { name: string; opensOn: string; closesOn: string };
	version: { number: number; publishedOn: string };
	/** The published report of that version (with employee figures). */
	report: Report;
	actions: readonly SlimAction[];
	/** The knowledge-base entries the firm may be pointed to (published ones). */
	entries: readonly KnowledgeEntry[];
}

export interface SlimAspectFigure {
	id: string;
	label: string;
	/** null when the report hides it. */
	employeeMean: number | null;
	ownerMean: number | null;
}

export interface SlimPlannedAction {
	title: string;
	why: string;
	aspect: string | null;
	entry: { slug: string; title: string } | null;
	who: string | null;
	startsOn: string | null;
	dueOn: string | null;
	status: SlimAction['status'];
	/** 'c' when it follows an entry that SLIM (c) can pay for: a method for learning during work. */
	part: 'a' | 'c';
}

export interface SlimDraft {
	firm: SlimDraftInput['firm'];
	scan: {
		roundName: string;
		opensOn: string;
		closesOn: string;
		version: number;
		publishedOn: string;
		employeeResponses: number;
		threshold: number;
		aspects: SlimAspectFigure[];
		strengths: string[];
		toGrow: string[];
	};
	actions: SlimPlannedAction[];
	entries: { slug: string; title: string; summary: string; funding: string[] }[];
	/** Whether any chosen action fits part (c) as well as part (a). */
	partC: boolean;
}

/** Stopped actions are not part of a plan; the rest are, in the order of their start (undated last). */
function planned(actions: readonly SlimAction[]): SlimAction[] {
	return actions
		.filter((a) => a.status !== 'gestopt')
		.sort((a, b) => (a.startsOn ?? a.dueOn ?? '9999').localeCompare(b.startsOn ?? b.dueOn ?? '9999') || a.title.localeCompare(b.title, 'nl'));
}

export function slimDraft(input: SlimDraftInput): SlimDraft {
	const { report } = input;
	if (!report.employeeFigures) throw new Error('A SLIM draft needs a report with employee figures.');
	const label = new Map(report.aspects.map((a) => [a.id, a.label]));
	const bySlug = new Map(input.entries.map((e) => [e.slug, e]));
	const actions: SlimPlannedAction[] = planned(input.actions).map((a) => {
		const entry = a.entrySlug ? bySlug.get(a.entrySlug) : undefined;
		return {
			title: a.title,
			why: a.why,
			aspect: a.aspectId ? (label.get(a.aspectId) ?? null) : null,
			entry: entry ? { slug: entry.slug, title: entry.title } : null,
			who: a.assigneeName,
			startsOn: a.startsOn,
			dueOn: a.dueOn,
			status: a.status,
			part: entry?.funding.includes('slim-c') ? 'c' : 'a'
		};
	});
	const followed = [...new Set(actions.flatMap((a) => (a.entry ? [a.entry.slug] : [])))].map((slug) => bySlug.get(slug)!);
	const shown = (ids: readonly string[]) => ids.filter((id) => report.aspects.find((a) => a.id === id)?.employee.mean != null).map((id) => label.get(id) ?? id);
	return {
		firm: input.firm,
		scan: {
			roundName: input.round.name,
			opensOn: input.round.opensOn,
			closesOn: input.round.closesOn,
			version: input.version.number,
			publishedOn: input.version.publishedOn,
			employeeResponses: report.respondents.employee,
			threshold: report.threshold,
			aspects: report.aspects.map((a) => ({ id: a.id, label: a.label, employeeMean: a.employee.mean, ownerMean: a.owner.mean })),
			strengths: shown(report.summary.strengths),
			toGrow: shown(report.summary.toGrow)
		},
		actions,
		entries: followed.map((e) => ({ slug: e.slug, title: e.title, summary: e.summary, funding: [...e.funding] })),
		partC: actions.some((a) => a.part === 'c')
	};
}
