/** The public map's "when" questions: 今日やっている, 今週, and the weekday / time-of-day filter. */
import { DAY_MS, endOfJstDay, endOfJstWeek, minutesOf, weekdayOf } from './jst';
import { ongoingOrUpcoming } from './occurrences';
import type { Schedule } from './types';

export const BANDS = ['morning', 'afternoon', 'evening'] as const;
export type Band = (typeof BANDS)[number];

export interface WhenFilter {
	/** 0 = Sunday … 6 = Saturday; empty or absent = any day. */
	weekdays?: number[];
	/** Empty or absent = any time. */
	bands?: Band[];
	/** Absent = the next eight weeks. */
	within?: 'today' | 'week';
}

const LOOKAHEAD_DAYS = 8 * 7;
const NOON = 12 * 60;
const FIVE_PM = 17 * 60;

/** 今日やっている: an occurrence today (JST) that has not ended. */
export function isOnToday(s: Schedule, now: Date): boolean {
	return ongoingOrUpcoming(s, now, endOfJstDay(now)).length > 0;
}

/** An occurrence from now until the end of this JST week (Monday–Sunday). */
export function isThisWeek(s: Schedule, now: Date): boolean {
	return ongoingOrUpcoming(s, now, endOfJstWeek(now)).length > 0;
}

/**
 * The time-of-day bands an activity touches: morning starts before 12:00, afternoon overlaps
 * 12:00–17:00, evening ends after 17:00 — so 11:00–14:00 is morning and afternoon.
 * Without a start time it claims no band: we cannot promise a morning to someone free only then.
 */
export function bandsOf(s: Pick<Schedule, 'startTime' | 'endTime'>): Band[] {
	if (s.startTime === null) return [];
	const start = minutesOf(s.startTime);
	// An unknown end counts as a moment at the start.
	const end = s.endTime === null ? start + 1 : minutesOf(s.endTime);
	const touches: Record<Band, boolean> = {
		morning: start < NOON,
		afternoon: start < FIVE_PM && end > NOON,
		evening: end > FIVE_PM
	};
	return BANDS.filter((band) => touches[band]);
}

/**
 * Whether the schedule fits the filter: some occurrence in the window (not yet ended) falls on one of
 * the weekdays, and the activity touches one of the bands. An empty filter matches every schedule,
 * 不定期 included; any condition needs a known occurrence, so 不定期 then never matches.
 */
export function matchesWhen(s: Schedule, now: Date, filter: WhenFilter): boolean {
	const weekdays = filter.weekdays ?? [];
	const bands = filter.bands ?? [];
	if (weekdays.length === 0 && bands.length === 0 && !filter.within) return true;
	if (bands.length > 0 && !bandsOf(s).some((band) => bands.includes(band))) return false;
	const to =
		filter.within === 'today'
			? endOfJstDay(now)
			: filter.within === 'week'
				? endOfJstWeek(now)
				: new Date(now.getTime() + LOOKAHEAD_DAYS * DAY_MS);
	return ongoingOrUpcoming(s, now, to).some((o) => weekdays.length === 0 || weekdays.includes(weekdayOf(o.date)));
}
