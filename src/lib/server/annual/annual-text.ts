// The coordinator's introduction and conclusions of a year's annual report, as Markdown typed in the app.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { yearSchema } from '../../domain/annual/talk';
import type { Database } from '../db/client';
import { annualReportText } from '../db/schema';

export const ANNUAL_TEXT_MAX = 20000;

export const annualTextSchema = z.object({
	year: yearSchema,
	introduction: z.string().trim().max(ANNUAL_TEXT_MAX),
	conclusions: z.string().trim().max(ANNUAL_TEXT_MAX)
});

export interface AnnualText {
	introduction: string;
	conclusions: string;
	updatedAt: Date | null;
}

export async function readAnnualText(db: Database, networkId: string, year: number): Promise<AnnualText> {
	const [row] = await db
		.select({ introduction: annualReportText.introduction, conclusions: annualReportText.conclusions, updatedAt: annualReportText.updatedAt })
		.from(annualReportText)
		.where(and(eq(annualReportText.networkId, networkId), eq(annualReportText.year, year)))
		.limit(1);
	return row ?? { introduction: '', conclusions: '', updatedAt: null };
}

export type SaveAnnualTextResult = { ok: true } | { ok: false; fields: ('introduction' | 'conclusions' | 'year')[] };

export async function saveAnnualText(db: Database, input: { networkId: string; text: unknown; userId: string }): Promise<SaveAnnualTextResult> {
	const parsed = annualTextSchema.safeParse(input.text);
	if (!parsed.success) {
		const fields = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))].filter((f): f is 'introduction' | 'conclusions' | 'year' =>
			['introduction', 'conclusions', 'year'].includes(f)
		);
		return { ok: false, fields };
	}
	const { year, introduction, conclusions } = parsed.data;
	await db
		.insert(annualReportText)
		.values({ networkId: input.networkId, year, introduction, conclusions, updatedBy: input.userId })
		.onConflictDoUpdate({
			target: [annualReportText.networkId, annualReportText.year],
			set: { introduction, conclusions, updatedBy: input.userId, updatedAt: new Date() }
		});
	return { ok: true };
}
