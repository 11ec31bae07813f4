// Publishing the final version when a round closes, for the close use case to call right after it has
// closed the round (the report pages would publish it lazily anyway; doing it at close fixes the final
// version's date to the day of closing).
import type { Database } from '../../db/client';
import { publishRoundReport, type PublicationState } from './publish-report';
import { findReportRound } from './report-round';

export async function publishReportAtClose(db: Database, ref: { firmId: string; roundId: string }, today: string): Promise<PublicationState | null> {
	const round = await findReportRound(db, ref.firmId, ref.roundId);
	return round ? publishRoundReport(db, round, today) : null;
}
