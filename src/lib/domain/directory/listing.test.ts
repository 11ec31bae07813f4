import { describe, expect, it } from 'vitest';
import { directorySearchSchema, parseListing } from './listing';

const valid = { name: 'Henk de Bakker', provinces: ['gelderland'], sectors: ['industrie'], offers: ['klankbord'], about: 'Veertig jaar een bakkerij gehad, nu graag klankbord.' };

describe('a listing', () => {
	it('accepts a complete listing and drops repeated choices', () => {
		const result = parseListing({ ...valid, provinces: ['gelderland', 'gelderland', 'utrecht'] });
		expect(result).toEqual({ ok: true, data: { ...valid, provinces: ['gelderland', 'utrecht'] } });
	});

	it('names every field that needs fixing, with one code each', () => {
		expect(parseListing({ name: ' ', provinces: [], sectors: ['maan'], offers: [], about: 'kort' })).toEqual({
			ok: false,
			errors: { name: 'required', provinces: 'required', sectors: 'invalid', offers: 'required', about: 'too_short' }
		});
	});

	it('has no province "onbekend" and no field for an address', () => {
		expect(parseListing({ ...valid, provinces: ['onbekend'] })).toMatchObject({ ok: false, errors: { provinces: 'invalid' } });
		const result = parseListing({ ...valid, email: 'henk@example.nl' });
		expect(result.ok && 'email' in result.data).toBe(false);
	});
});

describe('the search', () => {
	it('takes empty fields as no filter and refuses unknown values', () => {
		expect(directorySearchSchema.parse({ q: '', province: undefined })).toEqual({});
		expect(directorySearchSchema.safeParse({ province: 'atlantis' }).success).toBe(false);
	});
});
