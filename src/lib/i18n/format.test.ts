import { describe, expect, it } from 'vitest';
import { formatDateTime, formatSpan } from './format';

describe('format', () => {
	it('writes dates the Japanese way in Japan time, whatever the process time zone', () => {
		// 01:00 UTC on the 25th is 10:00 JST the same day; 16:00 UTC is already the next day in Japan
		expect(formatDateTime(new Date('2026-11-25T01:00:00Z'), 'ja')).toBe('11月25日（水）10:00');
		expect(formatDateTime(new Date('2026-11-25T16:30:00Z'), 'ja')).toBe('11月26日（木）1:30');
		expect(formatSpan(new Date('2026-11-25T01:00:00Z'), new Date('2026-11-25T03:00:00Z'), 'ja')).toBe('11月25日（水）10:00〜12:00');
	});
	it('has an English form', () => {
		expect(formatDateTime(new Date('2026-11-25T01:00:00Z'), 'en')).toBe('Wed 25 Nov, 10:00');
	});
});
