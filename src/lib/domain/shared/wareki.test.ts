import { describe, it, expect } from 'vitest';
import { formatJapaneseDate, formatWareki, todayJst } from './wareki';

const jst = (local: string) => new Date(`${local}+09:00`);

describe('formatWareki', () => {
	it('writes 令和 dates, with or without the day', () => {
		expect(formatWareki('2026-11-22')).toBe('令和8年11月22日');
		expect(formatWareki('2026-10-05', { day: false })).toBe('令和8年10月');
	});

	it('switches from 平成31年 to 令和元年 on 2019-05-01', () => {
		expect(formatWareki('2019-04-30')).toBe('平成31年4月30日');
		expect(formatWareki('2019-05-01')).toBe('令和元年5月1日');
		expect(formatWareki('2019-12-31')).toBe('令和元年12月31日');
		expect(formatWareki('2020-01-01')).toBe('令和2年1月1日');
	});

	it('knows the earlier eras people were born in', () => {
		expect(formatWareki('1989-01-07')).toBe('昭和64年1月7日');
		expect(formatWareki('1989-01-08')).toBe('平成元年1月8日');
		expect(formatWareki('1945-08-15')).toBe('昭和20年8月15日');
		expect(formatWareki('1926-12-24')).toBe('大正15年12月24日');
		expect(formatWareki('1926-12-25')).toBe('昭和元年12月25日');
		expect(formatWareki('1912-07-29')).toBe('明治45年7月29日');
		expect(formatWareki('1850-01-01')).toBe('1850年1月1日');
	});

	it('reads a Date as its date in Japan', () => {
		const eraStart = jst('2019-05-01T00:30'); // still 30 April in UTC
		expect(eraStart.getUTCDate()).toBe(30);
		expect(formatWareki(eraStart)).toBe('令和元年5月1日');
		expect(formatWareki(jst('2019-04-30T23:59'))).toBe('平成31年4月30日');
	});

	it('rejects a string that is not a date', () => {
		expect(() => formatWareki('2026-02-30')).toThrow(RangeError);
		expect(() => formatWareki('R8.11.22')).toThrow(RangeError);
	});
});

describe('formatJapaneseDate', () => {
	it('writes 西暦 with the weekday', () => {
		expect(formatJapaneseDate('2026-11-22')).toBe('2026年11月22日（日）');
		expect(formatJapaneseDate(jst('2026-11-23T00:10'))).toBe('2026年11月23日（月）');
	});
});

describe('todayJst', () => {
	it('gives the JST date when UTC is still on the previous day', () => {
		expect(todayJst(new Date('2026-11-21T15:30:00Z'))).toBe('2026-11-22');
		expect(todayJst(new Date('2026-11-21T14:59:59Z'))).toBe('2026-11-21');
	});
});
