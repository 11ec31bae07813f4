// Changing a firm's profile from its settings page. The size class always follows the number of employees,
// so networks and recommendations never see the two disagree. The slug stays: links and scripts use it.
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { firm } from '../db/schema';
import { sizeClassFor } from './create-firm.schema';
import { parseUpdateFirmProfileInput, type UpdateFirmProfileErrors, type UpdateFirmProfileInput } from './update-firm-profile.schema';

export type UpdateFirmProfileResult = { ok: true; firm: typeof firm.$inferSelect } | { ok: false; errors: UpdateFirmProfileErrors };

export async function updateFirmProfile(db: Database, firmId: string, input: UpdateFirmProfileInput): Promise<UpdateFirmProfileResult> {
	const parsed = parseUpdateFirmProfileInput(input);
	if (!parsed.ok) return parsed;
	const data = parsed.data;
	const sizeClass = sizeClassFor(data.employees);
	// The schema already keeps employees within the range that has a size class; this only satisfies the types.
	if (!sizeClass) return { ok: false, errors: { employees: 'too_many' } };
	const [updated] = await db
		.update(firm)
		.set({ name: data.name, employees: data.employees, sizeClass, sector: data.sector, province: data.province, worry: data.worry })
		.where(eq(firm.id, firmId))
		.returning();
	if (!updated) throw new Error(`Firm ${firmId} not found`);
	return { ok: true, firm: updated };
}
