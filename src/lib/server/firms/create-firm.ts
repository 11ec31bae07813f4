// Creating a firm: one use case for the web form and the CLI, so both apply the same rules.
import { eq, like, or } from 'drizzle-orm';
import type { Database } from '../db/client';
import { firm, firmMember, user } from '../db/schema';
import {
	parseCreateFirmInput,
	sizeClassFor,
	slugFromName,
	SLUG_MAX_LENGTH,
	type CreateFirmErrors,
	type CreateFirmInput
} from './create-firm.schema';

export { SECTORS, PROVINCES, sizeClassFor, slugFromName, type CreateFirmInput, type CreateFirmErrors } from './create-firm.schema';

export type Firm = typeof firm.$inferSelect;
export type CreateFirmResult = { ok: true; firm: Firm } | { ok: false; errors: CreateFirmErrors };

// Another request may take a derived slug between our look-up and our insert; a few retries settle that.
const SLUG_ATTEMPTS = 20;

export async function createFirm(db: Database, input: CreateFirmInput): Promise<CreateFirmResult> {
	const parsed = parseCreateFirmInput(input);
	if (!parsed.ok) return parsed;
	const data = parsed.data;
	// The schema already limits employees to the range that has a size class; this only satisfies the types.
	const sizeClass = sizeClassFor(data.employees);
	if (!sizeClass) return { ok: false, errors: { employees: 'too_many' } };

	return db.transaction(async (tx): Promise<CreateFirmResult> => {
		if (data.ownerUserId) {
			const owner = await tx.select({ id: user.id }).from(user).where(eq(user.id, data.ownerUserId));
			if (owner.length === 0) return { ok: false, errors: { ownerUserId: 'unknown' } };
		}
		const values = {
			name: data.name,
			sector: data.sector,
			province: data.province,
			employees: data.employees,
			sizeClass
		};

		let created: Firm | undefined;
		if (data.slug) {
			// An explicit slug is the caller's choice: never change it behind their back.
			[created] = await tx
				.insert(firm)
				.values({ ...values, slug: data.slug })
				.onConflictDoNothing({ target: firm.slug })
				.returning();
			if (!created) return { ok: false, errors: { slug: 'taken' } };
		} else {
			const base = slugFromName(data.name);
			const taken = new Set(
				(
					await tx
						.select({ slug: firm.slug })
						.from(firm)
						.where(or(eq(firm.slug, base), like(firm.slug, `${base}-%`)))
				).map((r) => r.slug)
			);
			for (let attempt = 0; attempt < SLUG_ATTEMPTS && !created; attempt++) {
				const slug = firstFreeSlug(base, taken);
				// ON CONFLICT DO NOTHING instead of catching the unique violation: on PostgreSQL a failed
				// statement aborts the whole transaction.
				[created] = await tx
					.insert(firm)
					.values({ ...values, slug })
					.onConflictDoNothing({ target: firm.slug })
					.returning();
				taken.add(slug);
			}
			if (!created) throw new Error(`No free slug found for "${base}"`);
		}

		if (data.ownerUserId) {
			await tx.insert(firmMember).values({ firmId: created.id, userId: data.ownerUserId, role: 'owner' });
		}
		return { ok: true, firm: created };
	});
}

/** base, base-2, base-3, ...: the first one not in `taken`, shortened so it stays within the length limit. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) {
		const suffix = `-${n}`;
		const candidate = `${base.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
		if (!taken.has(candidate)) return candidate;
	}
}
