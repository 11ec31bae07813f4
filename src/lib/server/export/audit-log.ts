// The log of respondent-level exports. Written before the file leaves the server: an export that could
// not be logged is not given out.
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { exportAudit, scanRound, user, type ExportFormat, type ExportLevel } from '../db/schema';

export interface ExportAuditEntry {
	firmId: string;
	roundId: string;
	userId: string | null;
	basis: 'owner' | 'manager' | 'agreement' | 'cli';
	level: ExportLevel;
	format: ExportFormat;
	respondents: number;
}

export async function recordExport(db: Pick<Database, 'insert'>, entry: ExportAuditEntry): Promise<void> {
	await db.insert(exportAudit).values(entry);
}

export interface ExportLogLine {
	exportedAt: Date;
	roundName: string;
	/** Null when the export ran on the command line, or the account has been deleted since. */
	userName: string | null;
	userEmail: string | null;
	deletedAccount: boolean;
	basis: ExportAuditEntry['basis'];
	level: ExportLevel;
	format: ExportFormat;
	respondents: number;
}

/** The firm's own view of who took respondent-level data, newest first. */
export async function exportLogOfFirm(db: Database, firmId: string, limit = 100): Promise<ExportLogLine[]> {
	const rows = await db
		.select({
			exportedAt: exportAudit.exportedAt,
			roundName: scanRound.name,
			userId: exportAudit.userId,
			userName: user.name,
			userEmail: user.email,
			basis: exportAudit.basis,
			level: exportAudit.level,
			format: exportAudit.format,
			respondents: exportAudit.respondents
		})
		.from(exportAudit)
		.innerJoin(scanRound, eq(scanRound.id, exportAudit.roundId))
		.leftJoin(user, eq(user.id, exportAudit.userId))
		.where(eq(exportAudit.firmId, firmId))
		.orderBy(desc(exportAudit.exportedAt))
		.limit(limit);
	return rows.map(({ userId, ...row }) => ({ ...row, deletedAccount: userId !== null && row.userName === null }));
}
