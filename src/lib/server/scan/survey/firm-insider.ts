// A supervised round is filled in by the employees alone: a post from a browser signed in as the firm's
// owner, a co-manager or one of its advisers is refused (they have the owner's own questionnaire, or none).
// Only posts are checked, and only when the browser carries a session cookie, so that respondents, who
// have none, are spared the session lookup (see hooks.server.ts).
import { getSessionCookie } from 'better-auth/cookies';
import { app } from '../../app';
import { roleInFirm } from '../../firms/access';

export async function isFirmInsider(request: Request, round: { firmId: string; supervised: boolean }): Promise<boolean> {
	if (!round.supervised || request.method !== 'POST' || !getSessionCookie(request)) return false;
	const { auth, database } = app();
	const found = await auth.api.getSession({ headers: request.headers });
	if (!found) return false;
	return (await roleInFirm(database.db, found.user.id, round.firmId)) !== null;
}
