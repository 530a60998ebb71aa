import { Frequency, type Options } from './rrule-lib';
import { DAY_MS } from './jst';

/**
 * A later DTSTART that gives the same dates from `from` on, or the original one.
 *
 * rrule walks every period from DTSTART, so an activity that began years ago would cost years of
 * iteration on every "今日やっている". Moving DTSTART on by whole periods (INTERVAL days, weeks or
 * months) keeps the weekday, the 隔週 phase and the time. Left alone: COUNT (it counts from the first
 * date), yearly rules, and a monthly rule without BYDAY/BYMONTHDAY (it takes its day from DTSTART).
 * Both arguments are floating.
 */
export function fastForward(rule: Partial<Options>, dtstart: Date, from: Date): Date {
	const interval = rule.interval ?? 1;
	if (rule.count != null || from <= dtstart) return dtstart;

	if (rule.freq === Frequency.DAILY || rule.freq === Frequency.WEEKLY) {
		const period = interval * (rule.freq === Frequency.WEEKLY ? 7 : 1) * DAY_MS;
		const periods = Math.floor((from.getTime() - dtstart.getTime()) / period);
		return new Date(dtstart.getTime() + periods * period);
	}
	if (rule.freq === Frequency.MONTHLY && (rule.byweekday != null || rule.bymonthday != null)) {
		const months = monthIndex(from) - monthIndex(dtstart);
		const periods = Math.floor(months / interval);
		if (periods === 0) return dtstart;
		// The 1st of a later month: the rule's BYDAY/BYMONTHDAY picks the days, DTSTART only bounds them.
		const month = monthIndex(dtstart) + periods * interval;
		return new Date(Date.UTC(Math.floor(month / 12), month % 12, 1, dtstart.getUTCHours(), dtstart.getUTCMinutes()));
	}
	return dtstart;
}

const monthIndex = (d: Date) => d.getUTCFullYear() * 12 + d.getUTCMonth();
