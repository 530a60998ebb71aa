import type { HolidayPolicy } from '../taxonomy';

/**
 * A period when an activity does not take place.
 * `label` names the period as a noun (年末年始, 8月, お盆); describe() adds 「は休み」.
 */
export type Closure =
	/** Every year; `to` before `from` wraps the year end (12-29 → 01-03). 'MM-DD', inclusive. */
	| { kind: 'annual'; from: string; to: string; label?: string }
	/** One period; 'YYYY-MM-DD', inclusive. */
	| { kind: 'once'; from: string; to: string; label?: string };

/** When an activity or an opening happens. Every date and time is Asia/Tokyo wall-clock. */
export interface Schedule {
	/** RFC 5545 RRULE body without DTSTART ('FREQ=MONTHLY;BYDAY=2WE,4WE'); null = 不定期. */
	rrule: string | null;
	/** 'YYYY-MM-DD', the first possible date; also the anchor of INTERVAL=2 (隔週). */
	dtstart: string;
	/** 'HH:MM'; null = the time is not fixed (the occurrence spans its whole day). */
	startTime: string | null;
	/** 'HH:MM', after startTime on the same day; null = open-ended (taken to run until midnight). */
	endTime: string | null;
	/** 'YYYY-MM-DD' dates cancelled. */
	exdates: string[];
	/** 'skip' = 祝日は休み, 'hold' = 祝日も開催. */
	holidayPolicy: HolidayPolicy;
	closures: Closure[];
	/** 'YYYY-MM-DD', the last possible date. */
	until?: string | null;
}

export interface Occurrence {
	/** 'YYYY-MM-DD' in Japan. */
	date: string;
	start: Date;
	end: Date;
}
