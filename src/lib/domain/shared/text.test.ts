import { describe, expect, it } from 'vitest';
import { digitsOnly, normalizeText } from './text';

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
