// Scan rounds with made-up responses for report tests, written straight into the database.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db/client';
import { scanResponse, scanRound } from '../../src/lib/server/db/schema';
import { loadInstrument } from '../../src/lib/domain/instrument';
import type { ScanResponse } from '../../src/lib/domain/response';
import { findReportRound, type ReportRound } from '../../src/lib/server/report/publish/report-round';
import { sampleResponses } from '../../src/lib/server/report/sample-responses';

const instrument = loadInstrument('v1');
let seed = 1;

export interface SeedRoundOptions {
	name?: string;
	threshold?: number;
	opensOn?: string;
	closesOn?: string;
	invited?: number;
	openAnswersVerbatim?: boolean;
	teams?: string[];
	origin?: 'collected' | 'imported';
}

export async function seedRound(db: Database, firmId: string, options: SeedRoundOptions = {}): Promise<ReportRound> {
	const [row] = await db
		.insert(scanRound)
		.values({
			firmId,
			name: options.name ?? 'Voorjaar 2026',
			instrumentVersion: 'v1',
			opensOn: options.opensOn ?? '2026-03-01',
			closesOn: options.closesOn ?? '2026-03-31',
			invited: options.invited ?? 40,
			teams: options.teams ?? ['Bakkerij', 'Winkel'],
			linkToken: randomBytes(16).toString('hex'),
			shortCode: randomBytes(8).toString('hex'),
			threshold: options.threshold ?? 5,
			openAnswersVerbatim: options.openAnswersVerbatim ?? false,
			origin: options.origin ?? 'collected'
		})
		.returning();
	const round = await findReportRound(db, firmId, row!.id);
	if (!round) throw new Error('seeded round not found');
	return round;
}

export async function seedResponses(
	db: Database,
	round: ReportRound,
	count: number,
	perspective: ScanResponse['perspective'] = 'employee',
	options: { openTexts?: string[]; day?: string } = {}
): Promise<void> {
	const responses = sampleResponses(instrument, count, perspective, { seed: seed++, teams: round.teams, openTexts: options.openTexts });
	if (responses.length === 0) return;
	await db.insert(scanResponse).values(
		responses.map((r) => ({
			roundId: round.id,
			perspective: r.perspective,
			submittedOn: options.day ?? '2026-03-10',
			answers: r.answers,
			background: r.background,
			learning: { ...r.learning },
			open: r.open
		}))
	);
}

export async function closeSeededRound(db: Database, round: ReportRound): Promise<ReportRound> {
	await db.update(scanRound).set({ status: 'closed' }).where(eq(scanRound.id, round.id));
	return { ...round, status: 'closed' };
}
