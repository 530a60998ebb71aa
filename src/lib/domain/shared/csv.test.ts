import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
	it('starts with a BOM, ends lines with CRLF, quotes commas, quotes and newlines', () => {
		const csv = toCsv(
			['名称', '説明'],
			[
				['ひだまり食堂', 'ごはん, おやつ'],
				['"集い"の場', '1行目\n2行目']
			]
		);
		expect(csv.startsWith('\uFEFF名称,説明\r\n')).toBe(true);
		expect(csv).toContain('ひだまり食堂,"ごはん, おやつ"\r\n');
		expect(csv).toContain('"""集い""の場","1行目\n2行目"\r\n');
	});

	it('defuses cells that a spreadsheet would run as a formula, but keeps negative numbers', () => {
		const csv = toCsv(['a', 'b', 'c', 'd'], [['=HYPERLINK("http://x")', '+1+1', '@SUM(A1)', -3.5]]);
		expect(csv).toContain(`"'=HYPERLINK(""http://x"")",'+1+1,'@SUM(A1),-3.5`);
	});

	it('writes empty cells for null and joins lists', () => {
		expect(toCsv(['a', 'b'], [[null, ['x', 'y']]])).toBe('\uFEFFa,b\r\n,x;y\r\n');
	});
});
