import { describe, expect, it } from 'vitest';
import { digitsOnly, dropZeroWidth, graphemeCount, normalizeText } from './text';

describe('normalizeText', () => {
	it('turns 全角 letters, digits and spaces into 半角 and trims', () => {
		expect(normalizeText('　ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｊｐ　')).toBe('hanako@example.jp');
		expect(normalizeText('１２３')).toBe('123');
	});
	it('turns half-width katakana into full-width and drops zero-width characters', () => {
		expect(normalizeText('ｺﾄﾞﾓ食堂\u200B')).toBe('コドモ食堂');
	});
});

describe('digitsOnly', () => {
	it('keeps the digits of a phone number typed in 全角 with hyphens', () => {
		expect(digitsOnly('０９０－１２３４－５６７８')).toBe('09012345678');
	});
});

describe('emoji ZWJ sequences', () => {
	const family = '👨\u200D👩\u200D👧\u200D👦';
	it('keeps the joiners of an emoji sequence through NFKC and zero-width removal', () => {
		expect(normalizeText(`家族${family}で参加`)).toBe(`家族${family}で参加`);
		expect(normalizeText('🏳️\u200D🌈 👩🏽\u200D💻')).toBe('🏳️\u200D🌈 👩🏽\u200D💻');
		expect(graphemeCount(normalizeText(family))).toBe(1);
	});
	it('still drops a stray joiner or zero-width space between letters', () => {
		expect(normalizeText('子\u200Dども\u200B食堂\u200D')).toBe('子ども食堂');
		expect(dropZeroWidth('\u200D👦')).toBe('👦');
	});
	it('counts what a person sees', () => {
		expect(graphemeCount(`あ${family}が`)).toBe(3);
		expect(graphemeCount('')).toBe(0);
	});
});
