import { describe, expect, it } from 'vitest';
import { codesNamed, missKey, similarity, suggest, variantsOf } from './keywords';
import { parseSearch, widenings } from './search';

describe('keywords', () => {
	it('expands a keyword into every spelling of its 表記ゆれ, folded', () => {
		expect(variantsOf('子供食堂')).toEqual(expect.arrayContaining(['子供食堂', '子ドモ食堂', 'コドモ食堂', 'コドモショクドウ']));
		expect(variantsOf('いばしょ')).toEqual(expect.arrayContaining(['イバショ', '居場所']));
		expect(variantsOf('たいそう')).toContain('体操');
		expect(variantsOf('ｻﾛﾝ')).toEqual(['サロン']);
		expect(variantsOf('子ども子ども食堂しょくどう').length).toBeLessThanOrEqual(32);
	});

	it('names the codes whose label holds a spelling, never for one character', () => {
		const table = { kodomo_shokudo: ['子ども食堂', "Children's cafeteria"], salon: ['サロン', 'Salon'] };
		expect(codesNamed(variantsOf('こども食堂'), table)).toEqual(['kodomo_shokudo']);
		expect(codesNamed(variantsOf('salon'), table)).toEqual(['salon']);
		expect(codesNamed(variantsOf('子'), table)).toEqual([]);
		// Latin letters name a label at the start of a word only
		expect(codesNamed(variantsOf('cafe'), table)).toEqual(['kodomo_shokudo']);
		expect(codesNamed(variantsOf('on'), table)).toEqual([]);
		expect(codesNamed(variantsOf('sal'), table)).toEqual(['salon']);
	});

	it('suggests the nearest known term for a typo, and nothing for a known or a far term', () => {
		const known = ['子ども食堂', 'サロン', '本町地区'];
		expect(suggest(['こども食道'], known)).toBe('子ども食堂');
		expect(suggest(['サロソ'], known)).toBe('サロン');
		expect(suggest(['本町', 'サロソ'], known)).toBe('本町 サロン');
		expect(suggest(['サロン'], known)).toBeNull();
		expect(suggest(['ぬえぬえ'], known)).toBeNull();
		expect(similarity('サロン', 'サロソ')).toBeCloseTo(2 / 3);
	});

	it('keeps a zero-result keyword only folded, short and without digits or @', () => {
		expect(missKey(['ｻﾛﾝ', 'ぬえ'])).toBe('サロン ヌエ');
		expect(missKey(['山田', '090'])).toBeNull();
		expect(missKey(['a@b'])).toBeNull();
		expect(missKey(['あ'.repeat(21)])).toBeNull();
		expect(missKey(['あ'.repeat(20)])).toBe('ア'.repeat(20));
		expect(missKey([])).toBeNull();
	});
});

describe('widenings', () => {
	const area = '2b7e1516-28ae-4d2a-a6d2-abf715881234';
	const of = (qs: string) => widenings(parseSearch(new URLSearchParams(qs)).filter).map((w) => [w.kind, w.params.toString()]);

	it('offers to drop the area, the other filters or the keywords, each only when it changes the search', () => {
		expect(of(`q=x&area=${area}&category=salon`)).toEqual([
			['area', 'q=x&category=salon'],
			['filters', 'q=x'],
			['keyword', `category=salon&area=${area}`]
		]);
		expect(of(`q=x&area=${area}`)).toEqual([
			['area', 'q=x'],
			['keyword', `area=${area}`]
		]);
		expect(of('q=x')).toEqual([['keyword', '']]);
		expect(of('near=34.98,138.41&sort=distance&page=2')).toEqual([['near', '']]);
		expect(of('')).toEqual([]);
	});
});
