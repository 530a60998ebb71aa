/**
 * The one occurrence generator. "Next dates", 今日やっている, 今週, the when-filter and the
 * iCalendar EXDATEs all derive from ruleStarts + isCancelled below, so the site and a
 * subscribed calendar never disagree.
 */
import { RRule } from './rrule-lib';
import { isClosed } from './closures';
import { isHoliday } from './holidays';
import { fastForward } from './fast-forward';
import { DAY_MS, addDays, dateKey, floatingAt, jstMidnight, toFloating, toInstant, todayJst } from './jst';
import type { Occurrence, Schedule } from './types';

/** How far ahead nextOccurrences looks: a rule that never fires (BYMONTH=2;BYMONTHDAY=30) must end. */
const HORIZON_DAYS = 731;
/** nextOccurrences first reads three months, enough for the usual "next three dates", then the rest. */
const FIRST_STEP_DAYS = 92;

/**
 * The rule's own start times, floating, in [from, to) — before EXDATEs, 祝日, closures and until.
 * The rule runs from dtstart at startTime, so INTERVAL=2 counts its weeks from dtstart's week.
 */
export function ruleStarts(s: Schedule, from: Date, to: Date): Date[] {
	if (s.rrule === null || from >= to) return [];
	const options = RRule.parseString(s.rrule);
	const after = toFloating(from);
	const before = toFloating(to);
	const rule = new RRule({ ...options, dtstart: fastForward(options, floatingAt(s.dtstart, s.startTime), after) });
	return rule.between(after, before, true).filter((start) => start < before);
}

/** Whether the schedule does not take place on a date the rule gives. */
export function isCancelled(s: Schedule, date: string): boolean {
	return (
		s.exdates.includes(date) ||
		(s.holidayPolicy === 'skip' && isHoliday(date)) ||
		isClosed(date, s.closures) ||
		(!!s.until && date > s.until)
	);
}

/** The occurrences that start in [from, to). 不定期 (rrule null) has none. */
export function occurrences(s: Schedule, from: Date, to: Date): Occurrence[] {
	return ruleStarts(s, from, to)
		.filter((start) => !isCancelled(s, dateKey(start)))
		.map((start) => occurrenceAt(s, start));
}

function occurrenceAt(s: Schedule, floatingStart: Date): Occurrence {
	const date = dateKey(floatingStart);
	// Without a (known) end time the activity may go on all day, so it ends at midnight.
	const end = s.startTime !== null && s.endTime !== null ? floatingAt(date, s.endTime) : floatingAt(addDays(date, 1));
	return { date, start: toInstant(floatingStart), end: toInstant(end) };
}

/**
 * The occurrences that have not ended by `now` and start before `to`, in order.
 * Nothing runs overnight, so one still in progress began today: the search starts at JST midnight.
 */
export function ongoingOrUpcoming(s: Schedule, now: Date, to: Date): Occurrence[] {
	return occurrences(s, jstMidnight(todayJst(now)), to).filter((o) => o.end > now);
}

/** The next n occurrences that have not ended (one in progress counts), looking up to two years ahead. */
export function nextOccurrences(s: Schedule, now: Date, n: number): Occurrence[] {
	if (n <= 0) return [];
	const soon = new Date(now.getTime() + FIRST_STEP_DAYS * DAY_MS);
	const found = ongoingOrUpcoming(s, now, soon);
	if (found.length < n) found.push(...occurrences(s, soon, new Date(now.getTime() + HORIZON_DAYS * DAY_MS)));
	return found.slice(0, n);
}
