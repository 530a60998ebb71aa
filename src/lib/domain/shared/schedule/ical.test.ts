import { describe, it, expect } from 'vitest';
import { rrulestr } from 'rrule';
import { toICalendar, type CalendarEvent } from './ical';
import { escapeText, fold, unfold } from './ical-text';
import { DAY_MS, dateKey, jstMidnight, toFloating } from './jst';
import { occurrences } from './occurrences';
import { NOW, dates, schedule } from './fixtures';

const salon: CalendarEvent = {
	uid: 'activity-1@tsunagari-map',
	summary: 'ふれあいサロン',
	location: 'ひだまり市 本町公民館',
	url: 'https://example.jp/places/1?a=1,2;b',
	schedule: schedule({
		rrule: 'FREQ=MONTHLY;BYDAY=2TU,4TU',
		dtstart: '2026-12-01',
		holidayPolicy: 'skip',
		exdates: ['2027-02-09'],
		closures: [
			{ kind: 'annual', from: '12-29', to: '01-03', label: '年末年始' },
			{ kind: 'annual', from: '08-01', to: '08-31', label: '8月' }
		]
	})
};

const lines = (ics: string) => unfold(ics).split('\r\n');
const eventLines = (ics: string) => {
	const all = lines(ics);
	return all.slice(all.indexOf('BEGIN:VEVENT'), all.indexOf('END:VEVENT') + 1);
};
const property = (ics: string, name: string) => eventLines(ics).find((l) => l.startsWith(name));

/** What a calendar app makes of the VEVENT: its dates in a window (the TZID dropped, since every time is JST). */
function calendarDates(ics: string, from: Date, to: Date): string[] {
	const rule = eventLines(ics)
		.filter((l) => /^(DTSTART|RRULE|EXDATE)/.test(l))
		.map((l) => l.replace(';TZID=Asia/Tokyo', ''))
		.join('\n');
	return rrulestr(rule, { forceset: true, compatible: true }).between(toFloating(from), toFloating(to), true).map(dateKey);
}

describe('toICalendar', () => {
	const ics = toICalendar([salon], { now: NOW });

	it('writes a VCALENDAR with CRLF line endings and an Asia/Tokyo VTIMEZONE', () => {
		expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
		expect(lines(ics)).toEqual(expect.arrayContaining(['BEGIN:VTIMEZONE', 'TZID:Asia/Tokyo', 'TZOFFSETTO:+0900', 'END:VTIMEZONE']));
	});

	it('writes the event in Asia/Tokyo from its first date, with the rule as written', () => {
		expect(eventLines(ics)).toEqual(
			expect.arrayContaining([
				'UID:activity-1@tsunagari-map',
				'DTSTAMP:20261122T010000Z',
				'DTSTART;TZID=Asia/Tokyo:20261208T100000',
				'DTEND;TZID=Asia/Tokyo:20261208T120000',
				'RRULE:FREQ=MONTHLY;BYDAY=2TU,4TU',
				'SUMMARY:ふれあいサロン',
				'LOCATION:ひだまり市 本町公民館',
				'URL:https://example.jp/places/1?a=1,2;b'
			])
		);
	});

	it('excludes EXDATEs, holidays and closures, so the calendar shows the dates the site shows', () => {
		const exdate = property(ics, 'EXDATE')!;
		expect(exdate).toMatch(/^EXDATE;TZID=Asia\/Tokyo:/);
		expect(exdate).toContain('20270209T100000'); // the schedule's EXDATE
		expect(exdate).toContain('20270223T100000'); // 天皇誕生日, a fourth Tuesday
		expect(exdate).toContain('20270810T100000'); // 8月は休み
		expect(exdate).toContain('20270824T100000');

		const to = new Date(NOW.getTime() + 700 * DAY_MS);
		const site = dates(occurrences(salon.schedule, NOW, to));
		expect(site.length).toBeGreaterThan(30);
		expect(calendarDates(ics, NOW, to)).toEqual(site);
	});

	it('excludes 祝日 on the rule day: a Monday rule loses 勤労感謝の日 and the 2027 Monday holidays', () => {
		const mondays = schedule({ rrule: 'FREQ=WEEKLY;BYDAY=MO', dtstart: '2026-11-01', holidayPolicy: 'skip' });
		const monday = toICalendar([{ ...salon, schedule: mondays }], { now: NOW });
		const exdate = property(monday, 'EXDATE')!;
		for (const holiday of ['20261123', '20270111', '20270322', '20270503', '20270719', '20270920', '20271011']) {
			expect(exdate).toContain(`${holiday}T100000`);
		}
		const to = new Date(NOW.getTime() + 700 * DAY_MS);
		expect(calendarDates(monday, NOW, to)).toEqual(dates(occurrences(mondays, NOW, to)));
	});

	it('excludes skipped dates over the whole series: past ones since DTSTART and future ones through the holiday data', () => {
		// a Monday series that started two years before NOW, 祝日は休み, no end
		const mondays = schedule({
			rrule: 'FREQ=WEEKLY;BYDAY=MO',
			dtstart: '2024-11-01',
			holidayPolicy: 'skip',
			closures: [{ kind: 'annual', from: '08-10', to: '08-16', label: 'お盆' }]
		});
		const monday = toICalendar([{ ...salon, schedule: mondays }], { now: NOW });
		expect(property(monday, 'DTSTART')).toBe('DTSTART;TZID=Asia/Tokyo:20241104T100000');
		const exdate = property(monday, 'EXDATE')!;
		// past: 振替休日 on the first date itself, 成人の日 and 海の日 2025, お盆 2025
		for (const past of ['20241104', '20250113', '20250721', '20250811']) expect(exdate).toContain(`${past}T100000`);
		// years ahead: 成人の日 2030, 敬老の日 2031, and the last year the holiday data covers
		for (const ahead of ['20300114', '20310915', '20500919', '20501010']) expect(exdate).toContain(`${ahead}T100000`);
		// a calendar app expanding the series over its whole span shows the site's dates, no more
		const from = jstMidnight('2024-11-01');
		const to = jstMidnight('2051-01-01');
		expect(calendarDates(monday, from, to)).toEqual(dates(occurrences(mondays, from, to)));
		// every folded line still fits in 75 octets
		for (const line of monday.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
	});

	it('stops the EXDATEs at until, and lists the skipped dates between DTSTART and until', () => {
		const ending = schedule({ rrule: 'FREQ=WEEKLY;BYDAY=MO', dtstart: '2025-01-01', holidayPolicy: 'skip', until: '2027-06-30' });
		const ics = toICalendar([{ ...salon, schedule: ending }], { now: NOW });
		const values = property(ics, 'EXDATE')!
			.replace(/^EXDATE;TZID=Asia\/Tokyo:/, '')
			.split(',');
		expect(values[0]).toBe('20250113T100000');
		expect(values.at(-1)).toBe('20270503T100000'); // 憲法記念日, the last Monday holiday before until
		expect(values.every((v) => v <= '20270630T100000')).toBe(true);
	});

	it('ends the rule at until, in UTC as RFC 5545 requires with a TZID', () => {
		const ending = toICalendar([{ ...salon, schedule: { ...salon.schedule, until: '2027-03-31' } }], { now: NOW });
		expect(property(ending, 'RRULE')).toBe('RRULE:FREQ=MONTHLY;BYDAY=2TU,4TU;UNTIL=20270331T145959Z');
	});

	it('writes all-day events when there is no time', () => {
		const saturdays = schedule({
			rrule: 'FREQ=WEEKLY;BYDAY=SA',
			dtstart: '2026-11-01',
			startTime: null,
			endTime: null,
			until: '2026-12-31',
			exdates: ['2026-12-05']
		});
		const allDay = toICalendar([{ ...salon, schedule: saturdays }], { now: NOW });
		expect(eventLines(allDay)).toEqual(
			expect.arrayContaining([
				'DTSTART;VALUE=DATE:20261107',
				'DTEND;VALUE=DATE:20261108',
				'RRULE:FREQ=WEEKLY;BYDAY=SA;UNTIL=20261231',
				'EXDATE;VALUE=DATE:20261205'
			])
		);
	});

	it('leaves out 不定期 events, and uses the given PRODID', () => {
		const irregular = toICalendar([{ ...salon, schedule: schedule({ rrule: null }) }], { now: NOW, prodId: '-//ひだまり市//map//JA' });
		expect(irregular).not.toContain('BEGIN:VEVENT');
		expect(lines(irregular)).toContain('PRODID:-//ひだまり市//map//JA');
	});

	it('escapes TEXT values', () => {
		const tricky = toICalendar([{ ...salon, summary: 'a\\b;c,d\ne', description: '行1\r\n行2' }], { now: NOW });
		expect(property(tricky, 'SUMMARY')).toBe('SUMMARY:a\\\\b\\;c\\,d\\ne');
		expect(property(tricky, 'DESCRIPTION')).toBe('DESCRIPTION:行1\\n行2');
	});

	it('folds long Japanese lines to 75 octets without splitting a character, and unfolds back', () => {
		const description = 'お茶を飲みながらおしゃべりや体操、季節の行事を楽しむ集まりです。🍵 話さずに過ごしても大丈夫；途中退出OK。'.repeat(
			4
		);
		const long = toICalendar([{ ...salon, description }], { now: NOW });
		for (const line of long.split('\r\n')) {
			expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
			expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line); // no lone half of 🍵
		}
		expect(long.split('\r\n').filter((l) => l.startsWith(' ')).length).toBeGreaterThan(5);
		expect(property(long, 'DESCRIPTION')).toBe(`DESCRIPTION:${escapeText(description)}`);
	});
});

describe('fold', () => {
	it('leaves a short line alone and fills a long one to exactly 75 octets', () => {
		expect(fold('SUMMARY:short')).toBe('SUMMARY:short');
		const folded = fold(`X:${'a'.repeat(200)}`).split('\r\n');
		expect(folded.map((l) => Buffer.byteLength(l))).toEqual([75, 75, 54]);
		expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
	});

	it('moves a three-octet character whole to the next line', () => {
		const folded = fold(`${'a'.repeat(73)}あ`).split('\r\n');
		expect(folded).toEqual(['a'.repeat(73), ' あ']);
	});
});
