import holiday_jp from '@holiday-jp/holiday_jp';

/*
 * holiday_jp.isHoliday(date: Date) formats the Date with getFullYear/getMonth/getDate, that is in the
 * process time zone: on a UTC server, 00:30 JST on a holiday is still "yesterday". Looking the
 * JST date up as a 'YYYY-MM-DD' key avoids the question (and the library's linear scan).
 * The table includes 振替休日 and 国民の休日; it ends in 2050, after which no day is a holiday.
 */
const HOLIDAYS: Readonly<Record<string, { name: string; name_en: string }>> = holiday_jp.holidays;

/**
 * The last day the table speaks for: 31 December of its last year. After it isHoliday is false
 * for want of data, not because there are no holidays.
 */
export const HOLIDAYS_KNOWN_UNTIL = `${Object.keys(HOLIDAYS)
	.reduce((a, b) => (a > b ? a : b))
	.slice(0, 4)}-12-31`;

/** Whether a JST 'YYYY-MM-DD' is a 祝日 (including 振替休日 and 国民の休日). */
export function isHoliday(date: string): boolean {
	return Object.hasOwn(HOLIDAYS, date);
}

/** The holiday's name, or null. */
export function holidayName(date: string, locale: 'ja' | 'en' = 'ja'): string | null {
	const holiday = isHoliday(date) ? HOLIDAYS[date] : null;
	return holiday && (locale === 'ja' ? holiday.name : holiday.name_en);
}
