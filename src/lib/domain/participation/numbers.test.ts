import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './follow-ups';
import {
	ALL_AREAS,
	NO_AREA,
	numbersCsv,
	participationNumbers,
	type NumbersCsvLabels,
	type NumbersInput,
	type NumbersPlacement,
	type NumbersRow
} from './numbers';
import { END_REASONS, PLACEMENT_STATUSES } from './workflow';

const KITA = 'a-kita';
const MINAMI = 'a-minami';
const TODAY = '2026-07-15';

/** A placement with nothing happened yet; each case sets what it needs. */
const placement = (p: Partial<NumbersPlacement> & { participantId: string }): NumbersPlacement => ({
	status: 'proposed',
	askedAt: null,
	hostRepliedAt: null,
	startedOn: null,
	endedOn: null,
	endReason: null,
	...p
});

const reasons = (counts: Record<string, number> = {}) => ({ ...Object.fromEntries(END_REASONS.map((r) => [r, 0])), ...counts });

/**
 * Five people, eight placements, worked out by hand below. Request times are UTC; the JST
 * reading is in the comment.
 */
const FIXTURE: NumbersInput = {
	areas: [
		{ id: KITA, name: '北地区' },
		{ id: MINAMI, name: '南地区' }
	],
	participants: [
		{ id: 'p1', areaId: KITA, registeredOn: '2026-03-02' },
		{ id: 'p2', areaId: KITA, registeredOn: '2026-03-20' },
		{ id: 'p3', areaId: MINAMI, registeredOn: '2026-03-10' },
		{ id: 'p4', areaId: null, registeredOn: '2026-04-05' },
		{ id: 'p5', areaId: MINAMI, registeredOn: '2026-04-01' }
	],
	placements: [
		// pl1: asked 03-05 10:00 JST, answered 24 h later; started 03-12, ended 05-20 (before its 3-month date 06-12).
		placement({
			participantId: 'p1',
			status: 'ended',
			askedAt: new Date('2026-03-05T01:00:00Z'),
			hostRepliedAt: new Date('2026-03-06T01:00:00Z'),
			startedOn: '2026-03-12',
			endedOn: '2026-05-20',
			endReason: 'employed'
		}),
		// pl2: asked 05-01 09:00 JST, answered in 5 h; started 06-01, 3-month date 09-01 is after today.
		placement({
			participantId: 'p1',
			status: 'active',
			askedAt: new Date('2026-05-01T00:00:00Z'),
			hostRepliedAt: new Date('2026-05-01T05:00:00Z'),
			startedOn: '2026-06-01'
		}),
		// pl3: asked 04-01 00:30 JST (still 03-31 in UTC), answered in 12 h; started 04-15, so its
		// 3-month date is today, and it has not ended.
		placement({
			participantId: 'p2',
			status: 'settled',
			askedAt: new Date('2026-03-31T15:30:00Z'),
			hostRepliedAt: new Date('2026-04-01T03:30:00Z'),
			startedOn: '2026-04-15'
		}),
		// pl8: asked 03-31 23:59 JST, declined 36 h later.
		placement({
			participantId: 'p2',
			status: 'declined',
			askedAt: new Date('2026-03-31T14:59:00Z'),
			hostRepliedAt: new Date('2026-04-02T02:59:00Z')
		}),
		// pl4: asked 03-12 09:00 JST, declined 36 h later.
		placement({
			participantId: 'p3',
			status: 'declined',
			askedAt: new Date('2026-03-12T00:00:00Z'),
			hostRepliedAt: new Date('2026-03-13T12:00:00Z')
		}),
		// pl5: asked 03-20 09:00 JST, answered in 2 h; started 03-25, ended on its 3-month date 06-25 — that counts as stayed.
		placement({
			participantId: 'p3',
			status: 'ended',
			askedAt: new Date('2026-03-20T00:00:00Z'),
			hostRepliedAt: new Date('2026-03-20T02:00:00Z'),
			startedOn: '2026-03-25',
			endedOn: '2026-06-25',
			endReason: 'not_a_fit'
		}),
		// pl6: asked 04-06, no answer: counts nowhere.
		placement({ participantId: 'p4', status: 'asked', askedAt: new Date('2026-04-06T00:00:00Z') }),
		// pl7: never asked (arranged directly); started 04-10, ended 04-30, before its 3-month date 07-10.
		placement({ participantId: 'p5', status: 'ended', startedOn: '2026-04-10', endedOn: '2026-04-30', endReason: 'health' })
	]
};

/*
 * Worked by hand.
 * Days to first start: p1 03-02→03-12 = 10, p2 03-20→04-15 = 26, p3 03-10→03-25 = 15, p5 04-01→04-10 = 9; p4 none.
 * Settling (by start month): pl1 Kita Mar eligible, not stayed; pl3 Kita Apr eligible (exactly 3 months), stayed;
 *   pl5 Minami Mar eligible, stayed (ended on the day); pl7 Minami Apr eligible, not stayed; pl2 not yet eligible.
 * Replies (by JST request month): Kita Mar 24, 36 (pl8: 23:59 on 03-31); Kita Apr 12 (pl3: 00:30 on 04-01);
 *   Kita May 5; Minami Mar 36, 2.
 * Endings (by end month, status ended): Kita May employed; Minami Apr health; Minami Jun not_a_fit.
 */
const row = (areaId: string | null, month: string | null, m: Partial<NumbersRow>): NumbersRow => ({
	areaId,
	month,
	participants: 0,
	connected: 0,
	connectedRate: null,
	medianDaysToFirst: null,
	settleEligible: 0,
	settled3m: 0,
	settledRate: null,
	replies: 0,
	medianReplyHours: null,
	endReasons: reasons(),
	...m
});

describe('participationNumbers on a hand-computed fixture', () => {
	const result = participationNumbers(FIXTURE, TODAY);

	it('counts each area and month cell, leaving out cells where nothing happened', () => {
		expect(result.cells).toEqual([
			// p1, p2: both connected (10 and 26 days → 18); pl1 eligible, not stayed; replies 24 and 36 → 30.
			row(KITA, '2026-03', {
				participants: 2,
				connected: 2,
				connectedRate: 1,
				medianDaysToFirst: 18,
				settleEligible: 1,
				settled3m: 0,
				settledRate: 0,
				replies: 2,
				medianReplyHours: 30
			}),
			row(KITA, '2026-04', { settleEligible: 1, settled3m: 1, settledRate: 1, replies: 1, medianReplyHours: 12 }),
			row(KITA, '2026-05', { replies: 1, medianReplyHours: 5, endReasons: reasons({ employed: 1 }) }),
			// (no Kita June: pl2 started then but is not yet eligible)
			row(MINAMI, '2026-03', {
				participants: 1,
				connected: 1,
				connectedRate: 1,
				medianDaysToFirst: 15,
				settleEligible: 1,
				settled3m: 1,
				settledRate: 1,
				replies: 2,
				medianReplyHours: 19
			}),
			row(MINAMI, '2026-04', {
				participants: 1,
				connected: 1,
				connectedRate: 1,
				medianDaysToFirst: 9,
				settleEligible: 1,
				settled3m: 0,
				settledRate: 0,
				endReasons: reasons({ health: 1 })
			}),
			row(MINAMI, '2026-06', { endReasons: reasons({ not_a_fit: 1 }) }),
			row(NO_AREA, '2026-04', { participants: 1, connected: 0, connectedRate: 0 })
		]);
	});

	it('sums each area over all months, listed areas first and no-area last', () => {
		expect(result.byArea).toEqual([
			// replies 5, 12, 24, 36 → (12 + 24) / 2
			row(KITA, null, {
				participants: 2,
				connected: 2,
				connectedRate: 1,
				medianDaysToFirst: 18,
				settleEligible: 2,
				settled3m: 1,
				settledRate: 0.5,
				replies: 4,
				medianReplyHours: 18,
				endReasons: reasons({ employed: 1 })
			}),
			// days 15, 9 → 12; replies 36, 2 → 19
			row(MINAMI, null, {
				participants: 2,
				connected: 2,
				connectedRate: 1,
				medianDaysToFirst: 12,
				settleEligible: 2,
				settled3m: 1,
				settledRate: 0.5,
				replies: 2,
				medianReplyHours: 19,
				endReasons: reasons({ health: 1, not_a_fit: 1 })
			}),
			row(NO_AREA, null, { participants: 1, connected: 0, connectedRate: 0 })
		]);
	});

	it('sums each month over all areas, every month from the first event to today, empty ones too', () => {
		expect(result.byMonth).toEqual([
			// days 10, 26, 15 → 15; replies 24, 36, 36, 2 → (24 + 36) / 2
			row(ALL_AREAS, '2026-03', {
				participants: 3,
				connected: 3,
				connectedRate: 1,
				medianDaysToFirst: 15,
				settleEligible: 2,
				settled3m: 1,
				settledRate: 0.5,
				replies: 4,
				medianReplyHours: 30
			}),
			// p4 and p5 registered, only p5 connected
			row(ALL_AREAS, '2026-04', {
				participants: 2,
				connected: 1,
				connectedRate: 0.5,
				medianDaysToFirst: 9,
				settleEligible: 2,
				settled3m: 1,
				settledRate: 0.5,
				replies: 1,
				medianReplyHours: 12,
				endReasons: reasons({ health: 1 })
			}),
			row(ALL_AREAS, '2026-05', { replies: 1, medianReplyHours: 5, endReasons: reasons({ employed: 1 }) }),
			row(ALL_AREAS, '2026-06', { endReasons: reasons({ not_a_fit: 1 }) }),
			row(ALL_AREAS, '2026-07', {})
		]);
	});

	it('takes the total’s medians from the raw values, not from the months’ medians', () => {
		// days 9, 10, 15, 26 → 12.5 (the months' medians 15 and 9 would give 12);
		// replies 2, 5, 12, 24, 36, 36 → 18 (the months' medians 30, 12, 5 would give 12).
		expect(result.total).toEqual(
			row(ALL_AREAS, null, {
				participants: 5,
				connected: 4,
				connectedRate: 0.8,
				medianDaysToFirst: 12.5,
				settleEligible: 4,
				settled3m: 2,
				settledRate: 0.5,
				replies: 6,
				medianReplyHours: 18,
				endReasons: reasons({ employed: 1, not_a_fit: 1, health: 1 })
			})
		);
	});

	it('lists every listed area even without data, and an unlisted area before no-area', () => {
		const r = participationNumbers(
			{
				areas: [{ id: 'a-empty', name: '空' }, ...FIXTURE.areas],
				participants: [{ id: 'x', areaId: 'a-gone', registeredOn: '2026-07-01' }, ...FIXTURE.participants],
				placements: FIXTURE.placements
			},
			TODAY
		);
		expect(r.byArea.map((a) => [a.areaId, a.participants])).toEqual([
			['a-empty', 0],
			[KITA, 2],
			[MINAMI, 2],
			['a-gone', 1],
			[NO_AREA, 1]
		]);
		expect(r.cells.some((c) => c.areaId === 'a-empty')).toBe(false);
	});
});

describe('participationNumbers month attribution and boundaries', () => {
	const person = { id: 'p', areaId: KITA, registeredOn: '2026-03-01' };
	const numbers = (placements: NumbersPlacement[], today = TODAY) =>
		participationNumbers({ areas: FIXTURE.areas, participants: [person], placements }, today);

	it('puts a request in its JST month: 00:30 on 1 April JST is April though still March in UTC', () => {
		const r = numbers([
			placement({ participantId: 'p', askedAt: new Date('2026-03-31T15:30:00Z'), hostRepliedAt: new Date('2026-04-01T00:00:00Z') }),
			placement({ participantId: 'p', askedAt: new Date('2026-03-31T14:59:59.999Z'), hostRepliedAt: new Date('2026-04-01T00:00:00Z') })
		]);
		const replies = Object.fromEntries(r.byMonth.map((m) => [m.month, m.replies]));
		expect(replies['2026-03']).toBe(1);
		expect(replies['2026-04']).toBe(1);
		// 15:30Z → 00:00Z next day is 8.5 h
		expect(r.byMonth.find((m) => m.month === '2026-04')!.medianReplyHours).toBe(8.5);
	});

	it('rounds reply hours to one decimal', () => {
		const asked = new Date('2026-03-10T00:00:00Z');
		const after = (minutes: number) =>
			placement({ participantId: 'p', askedAt: asked, hostRepliedAt: new Date(asked.getTime() + minutes * 60_000) });
		expect(numbers([after(80)]).total.medianReplyHours).toBe(1.3); // 1.333… h
		expect(numbers([after(160)]).total.medianReplyHours).toBe(2.7); // 2.666… h
	});

	it('counts a start as eligible for 定着 exactly three months later, not a day sooner', () => {
		const started = (startedOn: string) => numbers([placement({ participantId: 'p', status: 'active', startedOn })]).total;
		expect(started('2026-04-15').settleEligible).toBe(1); // 07-15 is today
		expect(started('2026-04-16').settleEligible).toBe(0);
		// 11-30 + 3 months clamps to 02-28
		const endOfMonth = (today: string) =>
			numbers([placement({ participantId: 'p', status: 'active', startedOn: '2026-11-30' })], today).total.settleEligible;
		expect(endOfMonth('2027-02-28')).toBe(1);
		expect(endOfMonth('2027-02-27')).toBe(0);
	});

	it('counts as settled a placement ending on its three-month date, not one ending the day before', () => {
		const ended = (endedOn: string) =>
			numbers([placement({ participantId: 'p', status: 'ended', startedOn: '2026-04-15', endedOn, endReason: 'next_step' })]).total;
		expect(ended('2026-07-15')).toMatchObject({ settleEligible: 1, settled3m: 1 });
		expect(ended('2026-07-14')).toMatchObject({ settleEligible: 1, settled3m: 0 });
	});

	it('uses the first start for the days to connect, and counts a person once however many starts', () => {
		const r = numbers([
			placement({ participantId: 'p', status: 'active', startedOn: '2026-05-01' }),
			placement({ participantId: 'p', status: 'ended', startedOn: '2026-03-11', endedOn: '2026-03-20', endReason: 'other' })
		]);
		expect(r.total).toMatchObject({ participants: 1, connected: 1, medianDaysToFirst: 10 });
	});

	it('counts endings only of ended placements, and a missing reason as other', () => {
		const r = numbers([
			placement({ participantId: 'p', status: 'ended', startedOn: '2026-03-05', endedOn: '2026-03-20', endReason: null }),
			placement({ participantId: 'p', status: 'active', startedOn: '2026-03-05', endedOn: '2026-03-21', endReason: 'health' })
		]);
		expect(r.total.endReasons).toEqual(reasons({ other: 1 }));
	});

	it('shows only today’s month when there is nothing yet', () => {
		const r = participationNumbers({ areas: [], participants: [], placements: [] }, TODAY);
		expect(r.byMonth.map((m) => m.month)).toEqual(['2026-07']);
		expect(r.byArea).toEqual([]);
		expect(r.cells).toEqual([]);
		expect(r.total.connectedRate).toBeNull();
	});

	it('refuses inconsistent input rather than guessing', () => {
		const base = { areas: FIXTURE.areas, participants: [person], placements: [] };
		expect(() => participationNumbers({ ...base, placements: [placement({ participantId: 'nobody' })] }, TODAY)).toThrow(RangeError);
		expect(() => participationNumbers({ ...base, participants: [person, person] }, TODAY)).toThrow(RangeError);
		expect(() => participationNumbers({ ...base, areas: [{ id: ALL_AREAS, name: '?' }] }, TODAY)).toThrow(RangeError);
		expect(() => participationNumbers({ ...base, participants: [{ ...person, registeredOn: '2026-02-30' }] }, TODAY)).toThrow(RangeError);
		expect(() => participationNumbers(base, '2026/07/15')).toThrow(RangeError);
		expect(() =>
			participationNumbers({ ...base, placements: [placement({ participantId: 'p', askedAt: new Date('nope') })] }, TODAY)
		).toThrow(RangeError);
	});
});

const LABELS: NumbersCsvLabels = {
	headers: {
		area: '地域',
		month: '月',
		participants: '登録者数',
		connected: 'つないだ人数',
		connectedRate: 'つないだ割合(%)',
		medianDaysToFirst: '初回参加までの日数(中央値)',
		settleEligible: '3か月経過',
		settled3m: '3か月定着',
		settledRate: '定着率(%)',
		replies: '返答数',
		medianReplyHours: '返答までの時間(中央値)'
	},
	endReasons: {
		next_step: '終了:次のステップへ',
		employed: '終了:就労',
		not_a_fit: '終了:合わなかった',
		health: '終了:体調',
		schedule: '終了:時間',
		moved: '終了:転居',
		host_circumstances: '終了:受け入れ先の事情',
		no_contact: '終了:連絡が取れない',
		other: '終了:その他'
	},
	areaNames: { [KITA]: '北地区, "旧町"', [MINAMI]: '=南地区' },
	noArea: '地域未設定',
	allAreas: '全地域',
	allMonths: '全期間'
};

describe('numbersCsv', () => {
	const lines = numbersCsv(participationNumbers(FIXTURE, TODAY), LABELS).split('\r\n');

	it('writes a BOM, the caller’s headers and one column per end reason', () => {
		expect(lines[0]).toBe(
			'\uFEFF地域,月,登録者数,つないだ人数,つないだ割合(%),初回参加までの日数(中央値),3か月経過,3か月定着,定着率(%),返答数,返答までの時間(中央値),' +
				'終了:次のステップへ,終了:就労,終了:合わなかった,終了:体調,終了:時間,終了:転居,終了:受け入れ先の事情,終了:連絡が取れない,終了:その他'
		);
	});

	it('lists each area’s months then its subtotal, then the months over all areas, then the total', () => {
		// area and month are what is left once the 18 numeric columns are cut off the right
		const keys = lines.slice(1, -1).map((l) => l.split(',').slice(0, -18).join(','));
		const kita = '"北地区, ""旧町"""';
		expect(keys).toEqual([
			`${kita},2026-03`,
			`${kita},2026-04`,
			`${kita},2026-05`,
			`${kita},全期間`,
			"'=南地区,2026-03",
			"'=南地区,2026-04",
			"'=南地区,2026-06",
			"'=南地区,全期間",
			'地域未設定,2026-04',
			'地域未設定,全期間',
			'全地域,2026-03',
			'全地域,2026-04',
			'全地域,2026-05',
			'全地域,2026-06',
			'全地域,2026-07',
			'全地域,全期間'
		]);
		expect(lines.at(-1)).toBe(''); // every line ends with CRLF
	});

	it('quotes names with commas and quotes, defuses formula-like names, and writes rates as percentages', () => {
		expect(lines[4]).toBe('"北地区, ""旧町""",全期間,2,2,100.0,18,2,1,50.0,4,18,0,1,0,0,0,0,0,0,0');
		expect(lines[5]).toBe("'=南地区,2026-03,1,1,100.0,15,1,1,100.0,2,19,0,0,0,0,0,0,0,0,0");
		// nulls are empty cells
		expect(lines[10]).toBe('地域未設定,全期間,1,0,0.0,,0,0,,0,,0,0,0,0,0,0,0,0,0');
		expect(lines[16]).toBe('全地域,全期間,5,4,80.0,12.5,4,2,50.0,6,18,0,1,1,1,0,0,0,0,0');
	});

	it('rounds a third to 33.3, labels unlisted areas by id, formats months, and adds a column for an unknown reason', () => {
		const csv = numbersCsv(
			participationNumbers(
				{
					areas: [],
					participants: [
						{ id: 'a', areaId: 'a-x', registeredOn: '2026-04-01' },
						{ id: 'b', areaId: 'a-x', registeredOn: '2026-04-02' },
						{ id: 'c', areaId: 'a-x', registeredOn: '2026-04-03' }
					],
					placements: [
						placement({ participantId: 'a', status: 'ended', startedOn: '2026-04-04', endedOn: '2026-04-05', endReason: 'legacy_code' })
					]
				},
				'2026-04-30'
			),
			{ ...LABELS, formatMonth: (m) => `${Number(m.slice(0, 4))}年${Number(m.slice(5))}月` }
		);
		const [header, first] = csv.split('\r\n');
		expect(header.endsWith(',終了:その他,legacy_code')).toBe(true);
		expect(first).toBe('a-x,2026年4月,3,1,33.3,3,0,0,,0,,0,0,0,0,0,0,0,0,0,1');
	});
});

describe('participationNumbers on random input', () => {
	const date = fc.integer({ min: 0, max: 700 }).map((n) => addDays('2025-01-01', n));
	const instant = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 11, 31) }).map((ms) => new Date(ms));
	const area = fc.constantFrom<string | null>('a1', 'a2', 'a3', null);
	const input = fc.integer({ min: 1, max: 8 }).chain((n) =>
		fc.record({
			participants: fc.tuple(
				...Array.from({ length: n }, (_, i) => fc.record({ id: fc.constant(`p${i}`), areaId: area, registeredOn: date }))
			),
			placements: fc.array(
				fc.record({
					participantId: fc.integer({ min: 0, max: n - 1 }).map((i) => `p${i}`),
					status: fc.constantFrom(...PLACEMENT_STATUSES),
					askedAt: fc.option(instant),
					hostRepliedAt: fc.option(instant),
					startedOn: fc.option(date),
					endedOn: fc.option(date),
					endReason: fc.option(fc.constantFrom(...END_REASONS))
				}),
				{ maxLength: 15 }
			)
		})
	);
	const ADDITIVE = ['participants', 'connected', 'settleEligible', 'settled3m', 'replies'] as const;
	const sum = (rows: NumbersRow[], key: (typeof ADDITIVE)[number]) => rows.reduce((s, r) => s + r[key], 0);

	it('never connects or settles more than it counts, and every breakdown adds up to the total', () => {
		fc.assert(
			fc.property(input, date, ({ participants, placements }, today) => {
				const areas = [
					{ id: 'a1', name: '一' },
					{ id: 'a2', name: '二' }
				];
				const r = participationNumbers({ areas, participants, placements }, today);
				for (const row of [...r.cells, ...r.byArea, ...r.byMonth, r.total]) {
					expect(row.connected).toBeLessThanOrEqual(row.participants);
					expect(row.settled3m).toBeLessThanOrEqual(row.settleEligible);
					expect(row.medianDaysToFirst === null).toBe(row.connected === 0);
				}
				for (const key of ADDITIVE) {
					expect(sum(r.cells, key)).toBe(r.total[key]);
					expect(sum(r.byArea, key)).toBe(r.total[key]);
					expect(sum(r.byMonth, key)).toBe(r.total[key]);
				}
				expect(r.total.participants).toBe(participants.length);
			})
		);
	});
});
