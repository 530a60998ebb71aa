/**
 * The calendar words of the explanations as codes; their text is in the message catalogue
 * (weekday_*, period_*), see explain.ts.
 */

/** Weekdays as a Japanese calendar lists them: Monday first (0 = Sunday). */
export const WEEKDAY_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

/** 午前 before noon, 午後 until 18:00, 夜 after — how a coordinator would say it on the phone. */
export function partOfDay(minutesOfDay: number): 'am' | 'pm' | 'eve' {
	if (minutesOfDay < 12 * 60) return 'am';
	if (minutesOfDay < 18 * 60) return 'pm';
	return 'eve';
}
