import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSearch, searchFold, toSearchParams, EMPTY_FILTER, type SearchFilter } from './search';
import { ACCOMMODATIONS, CATEGORIES, TARGET_GROUPS } from '../shared/taxonomy';

const parse = (qs: string) => parseSearch(new URLSearchParams(qs));

describe('parseSearch', () => {
	it('reads repeated and comma-separated codes, as a no-JS form and a hand-written link send them', () => {
		const { filter, errors } = parse('category=salon&category=ibasho&acc=solo_ok,observe_ok&free=1&when=today');
		expect(errors).toEqual([]);
		expect(filter).toMatchObject({
			categories: ['salon', 'ibasho'],
			accommodations: ['solo_ok', 'observe_ok'],
			freeOnly: true,
			when: 'today'
		});
	});

	it('names the parameter and the reason for every value it cannot use, and keeps the rest', () => {
		const { filter, errors } = parse('category=salon&category=casino&near=abc&radius=5&page=0&bbox=1,2,3&area=1%3Bdrop');
		expect(filter.categories).toEqual(['salon']);
		expect(errors).toEqual([
			{ param: 'category', code: 'unknown_value', value: 'casino' },
			{ param: 'area', code: 'bad_format', value: '1;drop' },
			{ param: 'near', code: 'bad_format', value: 'abc' },
			{ param: 'radius', code: 'out_of_range', value: '5' },
			{ param: 'bbox', code: 'bad_format', value: '1,2,3' },
			{ param: 'page', code: 'out_of_range', value: '0' }
		]);
	});

	it('accepts 全角 digits and separators', () => {
		const { filter, errors } = parse('near=３５．０，１３８．４&radius=２０００&page=２');
		expect(errors).toEqual([]);
		expect(filter.near).toEqual({ lat: 35, lon: 138.4 });
		expect(filter.radius).toBe(2000);
		expect(filter.page).toBe(2);
	});

	it('splits keywords on any kind of space and refuses an over-long query', () => {
		expect(parse('q=子ども　食堂 ').filter.terms).toEqual(['子ども', '食堂']);
		expect(parse(`q=${'あ'.repeat(101)}`).errors[0]).toMatchObject({ param: 'q', code: 'too_long' });
	});

	it('sorts by distance only when there is a point to measure from', () => {
		expect(parse('sort=distance').filter.sort).toBe('next');
		expect(parse('sort=distance&near=35,138.4').filter.sort).toBe('distance');
	});

	it('round-trips every valid filter through the URL', () => {
		const sub = <T>(xs: readonly T[]) => fc.uniqueArray(fc.constantFrom(...xs), { maxLength: xs.length });
		const filters = fc.record({
			categories: sub(CATEGORIES),
			targets: sub(TARGET_GROUPS),
			accommodations: sub(ACCOMMODATIONS),
			freeOnly: fc.boolean(),
			when: fc.constantFrom(null, 'today' as const, 'week' as const),
			weekdays: sub([0, 1, 2, 3, 4, 5, 6]),
			bands: sub(['morning', 'afternoon', 'evening'] as const),
			areaId: fc.option(fc.uuid(), { nil: null }),
			terms: fc.array(fc.stringMatching(/^[a-zあ-ん食堂]{1,6}$/), { maxLength: 3 }),
			near: fc.option(
				fc.record({ lat: fc.double({ min: 24, max: 45, noNaN: true }), lon: fc.double({ min: 123, max: 153, noNaN: true }) }),
				{ nil: null }
			),
			radius: fc.integer({ min: 100, max: 50_000 }),
			bbox: fc.constant(null),
			sort: fc.constantFrom('next' as const, 'name' as const),
			page: fc.integer({ min: 1, max: 1000 })
		});
		fc.assert(
			fc.property(filters, (f: SearchFilter) => {
				const back = parseSearch(toSearchParams(f));
				expect(back.errors).toEqual([]);
				expect(back.filter).toEqual({ ...f, radius: f.near ? f.radius : EMPTY_FILTER.radius });
			})
		);
	});
});

describe('searchFold', () => {
	it('folds width, case and hiragana/katakana the same way as the database', () => {
		expect(searchFold('こども食堂')).toBe(searchFold('コドモ食堂'));
		expect(searchFold('ＣＡＦＥ ｶﾌｪ')).toBe('cafe カフェ');
	});
});
