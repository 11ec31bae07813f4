// Gathers a network's annual report for one year: the coordinator's texts, the year's final talks, the
// latest benchmark and the pilots' evaluations (see figures.ts), as the one document every format renders.
import type { AppLocale } from '../../domain/instrument';
import type { Database } from '../db/client';
import type { ReportDocument } from '../report/document';
import { annualDocument, type AnnualReportInput } from './annual-document';
import { readAnnualText } from './annual-text';
import { latestBenchmark, networkPilots, pilotEvaluation } from './figures';
import { talksOfYear } from './list-talks';

export interface AnnualReportRequest {
	network: { id: string; name: string; slug: string };
	year: number;
	locale: AppLocale;
	threshold: number;
	today: string;
}

export async function annualReportInput(db: Database, request: AnnualReportRequest): Promise<AnnualReportInput> {
	const { network, year } = request;
	const [text, talks, benchmark, listed] = await Promise.all([
		readAnnualText(db, network.id, year),
		talksOfYear(db, network.id, year),
		latestBenchmark(db, network.id, request.locale),
		networkPilots(db, network.id)
	]);
	const final = talks.filter((t) => t.status === 'final');
	// Every pilot of the network, and any pilot a talk of this year is about (by its slug) that is not listed.
	const pilots = [...listed];
	for (const talk of final) {
		if (talk.pilotSlug && !pilots.some((p) => p.slug === talk.pilotSlug)) pilots.push({ slug: talk.pilotSlug, name: talk.project });
	}
	const evaluations = new Map(await Promise.all(pilots.map(async (p) => [p.slug, await pilotEvaluation(db, network.id, p.slug)] as const)));
	return {
		network: { name: network.name, slug: network.slug },
		year,
		introduction: text.introduction,
		conclusions: text.conclusions,
		talks: final.map((talk) => ({ talk, evaluation: talk.pilotSlug ? (evaluations.get(talk.pilotSlug) ?? null) : null })),
		drafts: talks.length - final.length,
		benchmark,
		pilots: pilots.map((p) => ({ ...p, evaluation: evaluations.get(p.slug) ?? null })),
		threshold: request.threshold,
		today: request.today
	};
}

export async function buildAnnualReport(db: Database, request: AnnualReportRequest): Promise<ReportDocument> {
	return annualDocument(await annualReportInput(db, request), request.locale);
}
