/**
 * iCalendar export (RFC 5545), so people can subscribe to an activity in their calendar app.
 *
 * The RRULE goes out as written; every date the site drops from it — EXDATEs, 祝日 under 'skip',
 * closures — goes out as an EXDATE too, found by the same generator the site uses, so the calendar
 * shows the dates the site shows. A calendar app expands the whole series, past dates included, so
 * the EXDATEs run from DTSTART to the series' end: its until, or for an open series the last year
 * the holiday table covers (after which no day is known to be a holiday). The one long EXDATE line
 * is folded like every other. 不定期 schedules have no dates and are left out.
 * A start time without an end time gives an event without DTEND (a moment, per RFC 5545);
 * a schedule without a start time gives all-day events.
 */
import { escapeText, fold } from './ical-text';
import { DAY_MS, addDays, dateKey, jstMidnight } from './jst';
import { HOLIDAYS_KNOWN_UNTIL } from './holidays';
import { isCancelled, ruleStarts } from './occurrences';
import type { Schedule } from './types';

export interface CalendarEvent {
	/** Globally unique and stable across exports, e.g. 'activity-<uuid>@tsunagari-map'. */
	uid: string;
	summary: string;
	description?: string;
	location?: string;
	url?: string;
	schedule: Schedule;
}

export interface CalendarOptions {
	/** DTSTAMP. */
	now: Date;
	prodId?: string;
}

const DEFAULT_PRODID = '-//tsunagari-map//schedule//JA';
/** How far past dtstart the rule's first date is looked for: a rule that never fires must end. */
const FIRST_START_HORIZON_DAYS = 731;

/* Japan has no daylight saving, so one STANDARD component describes Asia/Tokyo completely. */
const VTIMEZONE = [
	'BEGIN:VTIMEZONE',
	'TZID:Asia/Tokyo',
	'BEGIN:STANDARD',
	'DTSTART:19700101T000000',
	'TZOFFSETFROM:+0900',
	'TZOFFSETTO:+0900',
	'TZNAME:JST',
	'END:STANDARD',
	'END:VTIMEZONE'
];

/** A VCALENDAR with one VEVENT per event that has a rule; CRLF line endings, lines folded. */
export function toICalendar(events: readonly CalendarEvent[], opts: CalendarOptions): string {
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		`PRODID:${opts.prodId ?? DEFAULT_PRODID}`,
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		...VTIMEZONE,
		...events.flatMap((event) => vevent(event, opts.now)),
		'END:VCALENDAR'
	];
	return lines.map(fold).join('\r\n') + '\r\n';
}

function vevent(event: CalendarEvent, now: Date): string[] {
	const s = event.schedule;
	const first = firstStart(s);
	if (s.rrule === null || first === null) return [];
	const timed = s.startTime !== null;
	const value = timed ? ';TZID=Asia/Tokyo:' : ';VALUE=DATE:';
	const at = (date: string) => (timed ? localDateTime(date, s.startTime!) : compactDate(date));
	const until = untilPart(s, timed);
	const exdates = cancelledDates(s, first, until !== '');
	const end = timed ? (s.endTime === null ? null : localDateTime(first, s.endTime)) : compactDate(addDays(first, 1));
	const optional = (name: string, text: string | undefined) => (text ? [`${name}:${escapeText(text)}`] : []);

	return [
		'BEGIN:VEVENT',
		`UID:${escapeText(event.uid)}`,
		`DTSTAMP:${utcDateTime(now)}`,
		`DTSTART${value}${at(first)}`,
		...(end === null ? [] : [`DTEND${value}${end}`]),
		`RRULE:${s.rrule}${until}`,
		...(exdates.length > 0 ? [`EXDATE${value}${exdates.map(at).join(',')}`] : []),
		`SUMMARY:${escapeText(event.summary)}`,
		...optional('DESCRIPTION', event.description),
		...optional('LOCATION', event.location),
		// URL is a URI value, not TEXT: its commas and semicolons are not escaped.
		...(event.url ? [`URL:${event.url}`] : []),
		'END:VEVENT'
	];
}

/**
 * The rule's first date on or after dtstart. DTSTART must be an occurrence (RFC 5545 leaves a
 * mismatched one undefined); being one, it lies in one of the rule's own periods, so 隔週 keeps its phase.
 */
function firstStart(s: Schedule): string | null {
	const from = jstMidnight(s.dtstart);
	const [start] = ruleStarts(s, from, new Date(from.getTime() + FIRST_START_HORIZON_DAYS * DAY_MS));
	return start ? dateKey(start) : null;
}

/**
 * The dates the site drops from the rule: every EXDATE, then the rule's dates from its first one
 * (DTSTART) that holidays, closures or until cancel — up to until when the RRULE carries it, else
 * through the holiday table's last year (or until, if later: a COUNT rule's dates after it).
 */
function cancelledDates(s: Schedule, first: string, untilInRule: boolean): string[] {
	const last = untilInRule ? s.until! : s.until && s.until > HOLIDAYS_KNOWN_UNTIL ? s.until : HOLIDAYS_KNOWN_UNTIL;
	const dropped = ruleStarts(s, jstMidnight(first), jstMidnight(addDays(last, 1)))
		.map(dateKey)
		.filter((date) => isCancelled(s, date));
	return [...new Set([...s.exdates, ...dropped])].sort();
}

/**
 * ;UNTIL=… for the schedule's last date. With a DTSTART in a time zone RFC 5545 wants UNTIL in UTC,
 * so it is the end of that JST day. A rule with COUNT cannot also have UNTIL; its later dates become EXDATEs.
 */
function untilPart(s: Schedule, timed: boolean): string {
	if (!s.until || /(^|;)(COUNT|UNTIL)=/.test(s.rrule ?? '')) return '';
	if (!timed) return `;UNTIL=${compactDate(s.until)}`;
	return `;UNTIL=${utcDateTime(new Date(jstMidnight(addDays(s.until, 1)).getTime() - 1000))}`;
}

const compactDate = (date: string) => date.replaceAll('-', '');

/** 20261122T100000, read in the TZID's zone */
function localDateTime(date: string, time: string): string {
	return `${compactDate(date)}T${time.replace(':', '')}00`;
}

/** 20261122T010000Z */
function utcDateTime(instant: Date): string {
	return instant
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
}
