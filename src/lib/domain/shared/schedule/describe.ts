/**
 * The schedule as one human sentence: 「毎月第2・第4火曜 10:00〜12:00（祝日は休み・年末年始は休み）」.
 *
 * 祝日は休み is said whenever the policy is 'skip'; 'hold' (祝日も開催, the usual case) says nothing,
 * even for a rule that meets holidays — people assume a regular day goes ahead.
 */
import { todayJst, weekdayOf } from './jst';
import { en } from './phrasebook.en';
import { ja } from './phrasebook.ja';
import type { Locale, Phrasebook, RulePhrase } from './phrasebook';
import { lastLast, mondayFirst, parseRule, sortedUnique } from './rule';
import type { Schedule } from './types';

const PHRASEBOOKS: Record<Locale, Phrasebook> = { ja, en };

export interface DescribeOptions {
	/** When given, one-off closures that ended before this instant are left out. */
	now?: Date;
}

export function describe(s: Schedule, locale: Locale, opts: DescribeOptions = {}): string {
	const words = PHRASEBOOKS[locale];
	if (s.rrule === null) return words.irregular;
	const rule = words.rule(rulePhrase(s.rrule, s.dtstart));
	const sentence = s.startTime === null ? rule : words.withTime(rule, words.time(s.startTime, s.endTime));
	const today = opts.now ? todayJst(opts.now) : null;
	const closures = s.closures.filter((c) => c.kind === 'annual' || today === null || c.to >= today);
	const notes = [...(s.holidayPolicy === 'skip' ? [words.holidaysClosed] : []), ...closures.map(words.closure)];
	return notes.length === 0 ? sentence : sentence + words.notes(notes);
}

const OTHER: RulePhrase = { kind: 'other' };
const WEEKDAYS_MO_FR = '1,2,3,4,5';

/** What the rule says; a part left out repeats dtstart, as in RFC 5545 (FREQ=WEEKLY alone = dtstart's weekday). */
export function rulePhrase(rrule: string, dtstart: string): RulePhrase {
	const rule = parseRule(rrule);
	if (!rule || rule.others.length > 0) return OTHER;
	const { freq, interval, byday, bymonthday } = rule;

	if (freq === 'DAILY') return interval === 1 && byday.length === 0 && bymonthday.length === 0 ? { kind: 'daily' } : OTHER;
	if (freq === 'WEEKLY' && bymonthday.length === 0 && byday.every((d) => d.nth === null)) {
		const weekdays = sortedUnique(byday.length > 0 ? byday.map((d) => d.weekday) : [weekdayOf(dtstart)], mondayFirst);
		if (interval === 1 && weekdays.length === 7) return { kind: 'daily' };
		if (interval === 1 && weekdays.join() === WEEKDAYS_MO_FR) return { kind: 'weekdays' };
		return { kind: 'weekly', interval, weekdays };
	}
	if (freq === 'MONTHLY' && bymonthday.length === 0 && byday.length > 0) {
		if (!byday.every((d) => d.nth === -1 || (d.nth !== null && d.nth >= 1 && d.nth <= 5))) return OTHER;
		const days = byday.map((d) => ({ nth: d.nth ?? 0, weekday: d.weekday }));
		days.sort((a, b) => lastLast(a.nth) - lastLast(b.nth) || mondayFirst(a.weekday) - mondayFirst(b.weekday));
		return { kind: 'monthly_nth', interval, days };
	}
	if (freq === 'MONTHLY' && byday.length === 0) {
		const days = bymonthday.length > 0 ? bymonthday : [Number(dtstart.slice(8))];
		if (!days.every((d) => d === -1 || d > 0)) return OTHER;
		return { kind: 'monthly_day', interval, days: sortedUnique(days, lastLast) };
	}
	return OTHER;
}
