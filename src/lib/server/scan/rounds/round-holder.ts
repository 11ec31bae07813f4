// Who holds a round's invitations (the survey link, short link, QR poster and cards). The firm's owner and
// co-managers hold those of a round they run themselves; of a supervised round only the adviser who started
// it does, so that nobody in the firm can pad it with answers of their own. Every page and download that
// shows an invitation asks this, after requireFirm has checked that the person may see the firm at all.
import type { FirmRole } from '../../firms/access';

export interface HeldRound {
	supervisedBy: string | null;
	supervisorName: string | null;
}

/** A round started by an adviser stays supervised, also when that adviser's account is gone. */
export function isSupervised(round: HeldRound): boolean {
	return round.supervisorName !== null || round.supervisedBy !== null;
}

export function holdsInvitations(viewer: { role: FirmRole; userId: string }, round: HeldRound): boolean {
	if (isSupervised(round)) return viewer.role === 'adviser' && round.supervisedBy === viewer.userId;
	return viewer.role === 'owner' || viewer.role === 'manager';
}
