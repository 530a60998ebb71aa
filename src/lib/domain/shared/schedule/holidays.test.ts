import { describe, it, expect } from 'vitest';
import holiday_jp from '@holiday-jp/holiday_jp';
import { holidayName, isHoliday } from './holidays';
import { jst } from './fixtures';

describe('祝日', () => {
	it('knows 振替休日 and 国民の休日', () => {
		expect(isHoliday('2026-05-06')).toBe(true); // こどもの日 振替休日 (5/3 was a Sunday)
		expect(holidayName('2026-05-06')).toBe('こどもの日 振替休日');
		expect(isHoliday('2026-09-22')).toBe(true); // 国民の休日 between 敬老の日 and 秋分の日
		expect(holidayName('2026-09-22', 'en')).toBe("Citizen's Holiday");
		expect(isHoliday('2026-05-07')).toBe(false);
		expect(holidayName('2026-05-07')).toBeNull();
	});

	it('looks up the JST date, unlike holiday_jp.isHoliday(Date), which reads the process time zone', () => {
		const earlyOnCultureDay = jst('2026-11-03T00:30'); // 文化の日 in Japan, 2 November in UTC
		const inProcessZone = [earlyOnCultureDay.getFullYear(), earlyOnCultureDay.getMonth() + 1, earlyOnCultureDay.getDate()];
		// The library answers for the date in the process zone, whatever zone that is…
		expect(holiday_jp.isHoliday(earlyOnCultureDay)).toBe(inProcessZone.join('-') === '2026-11-3');
		// …so the schedule code asks by JST date string.
		expect(isHoliday('2026-11-03')).toBe(true);
	});
});
