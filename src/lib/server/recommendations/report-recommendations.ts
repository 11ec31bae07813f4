// The recommendations on a round's report: worked out each time the report is shown, from the figures of
// the version shown, the firm's settings of today and the published knowledge-base entries (see
// docs/recommendations.md, "Computed when shown, not stored").
import { eq } from 'drizzle-orm';
import type { AppLocale } from '../../domain/instrument';
import type { Report, ReportRecommendation } from '../../domain/report';
import { recommend } from '../../domain/recommendations/recommend';
import type { Database } from '../db/client';
import { firm } from '../db/schema';
import { publishedEntries } from '../knowledge/published-entries';
import { firmProfileRowSchema } from './report-recommendations.schema';
import { reasonText } from './reason-text';

export interface ShownRecommendation extends ReportRecommendation {
	/** The entry's one-sentence summary in the reader's language. */
	summary: string;
}

export interface ReportAdvice {
	recommendations: ShownRecommendation[];
	/** Whether the firm has said what worries it most; if not, the report says where to fill it in. */
	worrySet: boolean;
}

export async function reportRecommendations(db: Database, firmId: string, report: Report, locale: AppLocale): Promise<ReportAdvice> {
	const [row] = await db.select({ sector: firm.sector, sizeClass: firm.sizeClass, worry: firm.worry }).from(firm).where(eq(firm.id, firmId)).limit(1);
	if (!row) return { recommendations: [], worrySet: false };
	const profile = firmProfileRowSchema.parse(row);
	const labels = new Map(report.aspects.map((a) => [a.id, a.label]));
	const chosen = recommend({ report, firm: profile, entries: await publishedEntries(db) });
	return {
		worrySet: profile.worry !== null,
		recommendations: chosen.map((r) => ({
			entry: r.entry.slug,
			title: r.entry.title,
			summary: locale === 'en' ? r.entry.summaryEn : r.entry.summary,
			reason: reasonText(r.reasons, (id) => labels.get(id) ?? id, locale),
			aspects: r.aspects,
			worries: r.worries
		}))
	};
}
