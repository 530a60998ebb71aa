import { describe, expect, it } from 'vitest';
import {
	isDate,
	isMonthDay,
	isPhone,
	normalizeDate,
	normalizeInteger,
	normalizePhone,
	normalizePostalCode,
	normalizeTime,
	tidy,
	tidyLine
} from './normalize';

describe('normalisers for what Japanese keyboards produce', () => {
	it('times: 全角, 時/分, bare digits', () => {
		expect(normalizeTime('１１：００')).toBe('11:00');
		expect(normalizeTime('11時')).toBe('11:00');
		expect(normalizeTime('9時30分')).toBe('09:30');
		expect(normalizeTime('1400')).toBe('14:00');
		expect(normalizeTime(' 9:05 ')).toBe('09:05');
		expect(normalizeTime('午前')).toBe('午前');
	});

	it('phones: 全角 digits, any dash, brackets, bare mobiles', () => {
		expect(normalizePhone('０５４－１２３－４５６７')).toBe('054-123-4567');
		expect(normalizePhone('054ー123ー4567')).toBe('054-123-4567');
		expect(normalizePhone('(054)123-4567')).toBe('054-123-4567');
		expect(normalizePhone('09012345678')).toBe('090-1234-5678');
		expect(normalizePhone('0120123456')).toBe('0120-123-456');
		expect(isPhone('054-123-4567')).toBe(true);
		expect(isPhone('0541234567')).toBe(false);
		expect(isPhone('054-123-45678')).toBe(false);
		expect(isPhone('1-2-3')).toBe(false);
	});

	it('dates: 西暦, 和暦, slashes, and month-day without a year', () => {
		expect(normalizeDate('２０２６／４／１')).toBe('2026-04-01');
		expect(normalizeDate('2026年4月1日')).toBe('2026-04-01');
		expect(normalizeDate('令和8年4月1日')).toBe('2026-04-01');
		expect(normalizeDate('令和元年5月1日')).toBe('2019-05-01');
		expect(normalizeDate('R8.4.1')).toBe('2026-04-01');
		expect(normalizeDate('8/13')).toBe('08-13');
		expect(normalizeDate('12月29日')).toBe('12-29');
		expect(isDate('2026-02-30')).toBe(false);
		expect(isDate('2026-02-28')).toBe(true);
		expect(isMonthDay('02-29')).toBe(true);
		expect(isMonthDay('13-01')).toBe(false);
	});

	it('numbers, postal codes and display text', () => {
		expect(normalizeInteger('３００円')).toBe('300');
		expect(normalizeInteger('1,000')).toBe('1000');
		expect(normalizePostalCode('〒４２０－０８５３')).toBe('420-0853');
		expect(normalizePostalCode('4200853')).toBe('420-0853');
		expect(tidy('  ＡＢＣ１２３！\r\n次の行\u200B ')).toBe('ABC123！\n次の行');
		expect(tidyLine('こども\n食堂　ひまわり')).toBe('こども 食堂 ひまわり');
	});
});

describe('the outline of Japan', () => {
	it('has Tokyo, 那覇, 稚内 and 南鳥島 in it, and Seoul, 釜山, Taipei and Vladivostok out', async () => {
		const { inJapanOutline } = await import('./normalize');
		for (const [lon, lat] of [
			[139.77, 35.68],
			[127.68, 26.21],
			[141.67, 45.41],
			[153.98, 24.29],
			[138.41, 34.98]
		])
			expect(inJapanOutline(lon, lat), `${lon},${lat}`).toBe(true);
		for (const [lon, lat] of [
			[126.97, 37.56],
			[129.04, 35.1],
			[121.56, 25.03],
			[131.88, 43.12]
		])
			expect(inJapanOutline(lon, lat), `${lon},${lat}`).toBe(false);
	});
});
