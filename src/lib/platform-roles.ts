import * as m from './paraglide/messages';
import type { PlatformRole } from './server/db/schema/auth';

const labels: Record<PlatformRole, () => string> = {
	user: m.admin_role_user,
	admin: m.admin_role_admin,
	coordinator: m.admin_role_coordinator
};

export const platformRoleLabel = (role: PlatformRole): string => labels[role]();
