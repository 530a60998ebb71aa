/**
 * Weekly availability as a coordinator asks for it on the phone — 「何曜日の、午前・午後・夜の
 * どれなら来られますか」 — a grid of weekday × period, and the time windows the matching engine
 * checks. Neighbouring periods join into one window (午前+午後 = 08:00–18:00), because the engine
 * wants an occurrence wholly inside one window and an activity from 11:00 to 13:00 fits someone
 * who is free all day.
 */
import type { TimeWindow, Weekday } from './matching/types';

export const PERIODS = ['am', 'pm', 'eve'] as const;
export type Period = (typeof PERIODS)[number];

/** 午前 08–12, 午後 12–18, 夜 18–22: contiguous, so that joined periods leave no gap. */
export const PERIOD_HOURS: Record<Period, readonly [string, string]> = {
	am: ['08:00', '12:00'],
	pm: ['12:00', '18:00'],
	eve: ['18:00', '22:00']
};

/** Monday first, as a Japanese form lists them; 0 = Sunday as in the engine. */
export const WEEKDAYS_MON_FIRST: readonly Weekday[] = [1, 2, 3, 4, 5, 6, 0];

/** A grid cell's code: '<weekday>-<period>', e.g. '4-am' = 木曜午前. */
export type AvailabilitySlot = `${Weekday}-${Period}`;

export const AVAILABILITY_SLOTS: readonly AvailabilitySlot[] = WEEKDAYS_MON_FIRST.flatMap((d) =>
	PERIODS.map((p) => `${d}-${p}` as AvailabilitySlot)
);

/** The grid's ticked cells as windows, neighbouring periods of a day joined, by weekday then time. */
export function windowsFromSlots(slots: readonly string[]): TimeWindow[] {
	const ticked = new Set(slots);
	const windows: TimeWindow[] = [];
	for (let weekday = 0 as Weekday; weekday <= 6; weekday = (weekday + 1) as Weekday) {
		let open: TimeWindow | null = null;
		for (const p of PERIODS) {
			if (!ticked.has(`${weekday}-${p}`)) {
				open = null;
				continue;
			}
			const [start, end] = PERIOD_HOURS[p];
			if (open) open.end = end;
			else windows.push((open = { weekday, start, end }));
		}
	}
	return windows;
}

/** The cells a set of windows covers wholly (the inverse of windowsFromSlots, for editing). */
export function slotsFromWindows(windows: readonly TimeWindow[]): AvailabilitySlot[] {
	return AVAILABILITY_SLOTS.filter((slot) => {
		const [d, p] = slot.split('-') as [string, Period];
		const [start, end] = PERIOD_HOURS[p];
		return windows.some((w) => w.weekday === Number(d) && w.start <= start && end <= w.end);
	});
}
