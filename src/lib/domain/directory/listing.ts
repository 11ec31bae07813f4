// What a retired entrepreneur can offer a firm through the directory, and the rules for a listing. The ids
// are stable (stored in listings); labels live in messages/directory. No contact details: an owner reaches
// the person only through an invitation that Leerkompas mails, so the listing has no field for them.
import { z } from 'zod';
import { PROVINCES, SECTORS } from '../firm/attributes';

export const DIRECTORY_OFFERS = ['klankbord', 'gesprek', 'meester-gezel', 'opvolging', 'netwerk'] as const;

/** Provinces one can list oneself for: the twelve, not 'onbekend'. */
export const LISTING_PROVINCES = PROVINCES.filter((p) => p !== 'onbekend');

export const LISTING_NAME_MAX = 80;
export const LISTING_ABOUT_MIN = 20;
export const LISTING_ABOUT_MAX = 800;

// The error messages are stable codes; the page turns them into plain Dutch or English.
const ids = <T extends readonly [string, ...string[]]>(values: T) => z.array(z.enum(values, { error: 'invalid' })).min(1, { error: 'required' });

export const listingSchema = z.object({
	name: z.string({ error: 'required' }).trim().min(2, { error: 'required' }).max(LISTING_NAME_MAX, { error: 'too_long' }),
	provinces: ids(LISTING_PROVINCES as unknown as readonly [string, ...string[]]),
	sectors: ids(SECTORS),
	offers: ids(DIRECTORY_OFFERS),
	about: z.string({ error: 'required' }).trim().min(LISTING_ABOUT_MIN, { error: 'too_short' }).max(LISTING_ABOUT_MAX, { error: 'too_long' })
});

export type ListingInput = z.output<typeof listingSchema>;
export const LISTING_FIELDS = ['name', 'provinces', 'sectors', 'offers', 'about'] as const;
export type ListingField = (typeof LISTING_FIELDS)[number];
export type ListingErrorCode = 'required' | 'invalid' | 'too_long' | 'too_short';
export type ListingErrors = Partial<Record<ListingField, ListingErrorCode>>;

export function parseListing(input: unknown): { ok: true; data: ListingInput } | { ok: false; errors: ListingErrors } {
	const parsed = listingSchema.safeParse(input);
	if (parsed.success) return { ok: true, data: { ...parsed.data, provinces: [...new Set(parsed.data.provinces)], sectors: [...new Set(parsed.data.sectors)], offers: [...new Set(parsed.data.offers)] } };
	const errors: ListingErrors = {};
	for (const issue of parsed.error.issues) {
		const field = LISTING_FIELDS.find((f) => f === issue.path[0]);
		if (!field || errors[field]) continue;
		const code = issue.message;
		errors[field] = code === 'required' || code === 'too_long' || code === 'too_short' ? code : 'invalid';
	}
	return { ok: false, errors };
}

/** The directory's search: all filters optional; a value not in the lists is refused rather than ignored. */
export const directorySearchSchema = z.object({
	q: z.string().trim().max(100).optional().transform((v) => (v ? v : undefined)),
	province: z.enum(LISTING_PROVINCES as unknown as readonly [string, ...string[]]).optional(),
	sector: z.enum(SECTORS).optional()
});
export type DirectorySearch = z.output<typeof directorySearchSchema>;
