/**
 * The numbers a 社協 reports on 参加支援: how many people came, how many were connected to
 * somewhere, how fast, how many were still going three months later, how quickly hosts
 * answered, and why taking part ended — per area and per month, and as a CSV for the
 * municipality's spreadsheet.
 *
 * Each figure belongs to the JST month of the event it counts from — a registration, a start,
 * a request, an ending — so the months of a year add up to the year. `connected` and the days to
 * a first start count from registration: 「つないだ割合」 is a share of the people who came that
 * month, whenever they went on to start.
 */
import { toCsv } from '../shared/csv';
import { DAY_MS, floatingAt, todayJst } from '../shared/schedule/jst';
import { addMonthsClamped, checkDate } from './follow-ups';
import { END_REASONS, type EndReason, type PlacementStatus } from './workflow';

/** The area of participants without one; the caller chooses its label (地域未設定). */
export const NO_AREA = null;
/**
 * The area of rows over all areas (byMonth, total). Not null, which already means "no area";
 * area ids are UUIDs, and an input area with this id is refused rather than silently merged.
 */
export const ALL_AREAS = '*';

export interface NumbersParticipant {
	id: string;
	areaId: string | null;
	/** JST 'YYYY-MM-DD'. */
	registeredOn: string;
}

export interface NumbersPlacement {
	participantId: string;
	status: PlacementStatus;
	askedAt: Date | null;
	hostRepliedAt: Date | null;
	/** JST 'YYYY-MM-DD'. */
	startedOn: string | null;
	/** JST 'YYYY-MM-DD'. */
	endedOn: string | null;
	endReason: string | null;
}

export interface NumbersInput {
	participants: readonly NumbersParticipant[];
	placements: readonly NumbersPlacement[];
	/** In the order the report lists them. */
	areas: readonly { id: string; name: string }[];
}

export interface NumbersMetrics {
	/** Registered in the period. */
	participants: number;
	/** Of those, how many have started somewhere (つないだ), whenever that was. */
	connected: number;
	/** connected / participants; null when nobody registered. */
	connectedRate: number | null;
	/** Median days from registration to the first start, over the connected; null when none. */
	medianDaysToFirst: number | null;
	/** Placements started in the period whose three months are up by `today`. */
	settleEligible: number;
	/** Of those, how many had not ended before their three-month date (定着). */
	settled3m: number;
	/** settled3m / settleEligible; null when none is eligible yet. */
	settledRate: number | null;
	/** Requests sent in the period that the host has answered. */
	replies: number;
	/** Median hours from request to answer, to 0.1 h; null when no answers. */
	medianReplyHours: number | null;
	/** Endings in the period by reason: every END_REASONS code (0 when none), then any other code met. */
	endReasons: Record<string, number>;
}

export interface NumbersRow extends NumbersMetrics {
	/** An area id, NO_AREA (null) for participants without an area, or ALL_AREAS. */
	areaId: string | null;
	/** JST 'YYYY-MM', or null for all months. */
	month: string | null;
}

export interface ParticipationNumbers {
	/** All areas, one row per month from the earliest event to today's month (later if data is), empty months included. */
	byMonth: NumbersRow[];
	/** All months, one row per area in input order, then areas met but not listed, then NO_AREA if anyone has none. */
	byArea: NumbersRow[];
	total: NumbersRow;
	/** Area × month, only where something happened; ordered as byArea, then by month. */
	cells: NumbersRow[];
}

/**
 * The raw values behind one row. Every group keeps its own list of durations, so that the
 * median of an area or of the whole year is the median of its people, not a median of the
 * months' medians.
 */
interface Tally {
	participants: number;
	connected: number;
	daysToFirst: number[];
	settleEligible: number;
	settled3m: number;
	replyHours: number[];
	endReasons: Map<string, number>;
}

const HOUR_MS = 60 * 60 * 1000;

export function participationNumbers(input: NumbersInput, today: string): ParticipationNumbers {
	checkDate(today);
	const areaOrder: string[] = [];
	for (const area of input.areas) {
		if (area.id === ALL_AREAS) throw new RangeError(`area id ${ALL_AREAS} is reserved for all areas`);
		if (areaOrder.includes(area.id)) throw new RangeError(`area ${area.id} is listed twice`);
		areaOrder.push(area.id);
	}

	const participants = new Map<string, NumbersParticipant>();
	for (const p of input.participants) {
		if (participants.has(p.id)) throw new RangeError(`participant ${p.id} is listed twice`);
		if (p.areaId === ALL_AREAS) throw new RangeError(`area id ${ALL_AREAS} is reserved for all areas`);
		participants.set(p.id, p);
	}

	const eventMonths: string[] = [monthOf(today), ...input.participants.map((p) => monthOf(checkDate(p.registeredOn)))];
	const firstStart = new Map<string, string>();
	for (const pl of input.placements) {
		// Numbers for a municipality must add up; a placement of someone not in the list would
		// have to be counted in some area, and guessing which would be worse than stopping.
		if (!participants.has(pl.participantId)) throw new RangeError(`placement of unknown participant ${pl.participantId}`);
		if (pl.startedOn !== null) {
			checkDate(pl.startedOn);
			eventMonths.push(monthOf(pl.startedOn));
			const first = firstStart.get(pl.participantId);
			if (first === undefined || pl.startedOn < first) firstStart.set(pl.participantId, pl.startedOn);
		}
		if (pl.endedOn !== null) eventMonths.push(monthOf(checkDate(pl.endedOn)));
		if (pl.askedAt !== null) eventMonths.push(jstMonthOf(pl.askedAt));
		if (pl.hostRepliedAt !== null) checkInstant(pl.hostRepliedAt);
	}

	const cells = new Map<string | null, Map<string, Tally>>();
	const byArea = new Map<string | null, Tally>(areaOrder.map((id) => [id, emptyTally()]));
	const byMonth = new Map<string, Tally>();
	const total = emptyTally();
	/** The four groups an event in this area and month counts in. */
	const groups = (areaId: string | null, month: string): Tally[] => {
		let areaCells = cells.get(areaId);
		if (!areaCells) cells.set(areaId, (areaCells = new Map()));
		return [getOrAdd(areaCells, month), getOrAdd(byArea, areaId), getOrAdd(byMonth, month), total];
	};

	for (const p of input.participants) {
		const first = firstStart.get(p.id);
		for (const t of groups(p.areaId, monthOf(p.registeredOn))) {
			t.participants++;
			if (first === undefined) continue;
			t.connected++;
			t.daysToFirst.push(daysBetween(p.registeredOn, first));
		}
	}

	for (const pl of input.placements) {
		const areaId = participants.get(pl.participantId)!.areaId;
		if (pl.startedOn !== null) {
			const threeMonths = addMonthsClamped(pl.startedOn, 3);
			// Someone who started exactly three months ago today has had their three months.
			if (threeMonths <= today) {
				const stayed = pl.endedOn === null || pl.endedOn >= threeMonths;
				for (const t of groups(areaId, monthOf(pl.startedOn))) {
					t.settleEligible++;
					if (stayed) t.settled3m++;
				}
			}
		}
		if (pl.askedAt !== null && pl.hostRepliedAt !== null) {
			const hours = (pl.hostRepliedAt.getTime() - pl.askedAt.getTime()) / HOUR_MS;
			for (const t of groups(areaId, jstMonthOf(pl.askedAt))) t.replyHours.push(hours);
		}
		if (pl.status === 'ended' && pl.endedOn !== null) {
			// The workflow asks for a reason on ending; one missing still ended, so it counts as その他.
			const reason = pl.endReason ?? 'other';
			for (const t of groups(areaId, monthOf(pl.endedOn))) t.endReasons.set(reason, (t.endReasons.get(reason) ?? 0) + 1);
		}
	}

	const months = monthRange(eventMonths);
	// Areas met only through participants (e.g. an area since removed from the list) keep their
	// counts; NO_AREA goes last, as 地域未設定 does in a table.
	const areaIds: (string | null)[] = [...byArea.keys()].filter((id) => id !== NO_AREA);
	if (byArea.has(NO_AREA)) areaIds.push(NO_AREA);
	return {
		byMonth: months.map((m) => row(ALL_AREAS, m, byMonth.get(m) ?? emptyTally())),
		byArea: areaIds.map((id) => row(id, null, byArea.get(id)!)),
		total: row(ALL_AREAS, null, total),
		cells: areaIds.flatMap((id) =>
			[...(cells.get(id) ?? new Map<string, Tally>())].sort(([a], [b]) => (a < b ? -1 : 1)).map(([m, t]) => row(id, m, t))
		)
	};
}

function emptyTally(): Tally {
	return { participants: 0, connected: 0, daysToFirst: [], settleEligible: 0, settled3m: 0, replyHours: [], endReasons: new Map() };
}

function getOrAdd<K>(map: Map<K, Tally>, key: K): Tally {
	let t = map.get(key);
	if (!t) map.set(key, (t = emptyTally()));
	return t;
}

function row(areaId: string | null, month: string | null, t: Tally): NumbersRow {
	const replyMedian = median(t.replyHours);
	const endReasons: Record<string, number> = Object.fromEntries(END_REASONS.map((r) => [r, 0]));
	const others = [...t.endReasons.keys()].filter((r) => !(END_REASONS as readonly string[]).includes(r)).sort();
	for (const r of others) endReasons[r] = 0;
	for (const [r, n] of t.endReasons) endReasons[r] = n;
	return {
		areaId,
		month,
		participants: t.participants,
		connected: t.connected,
		connectedRate: t.participants ? t.connected / t.participants : null,
		medianDaysToFirst: median(t.daysToFirst),
		settleEligible: t.settleEligible,
		settled3m: t.settled3m,
		settledRate: t.settleEligible ? t.settled3m / t.settleEligible : null,
		replies: t.replyHours.length,
		medianReplyHours: replyMedian === null ? null : Math.round(replyMedian * 10) / 10,
		endReasons
	};
}

/** The middle value; of an even count, the mean of the two middle ones. */
export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function monthOf(date: string): string {
	return date.slice(0, 7);
}

function jstMonthOf(instant: Date): string {
	return monthOf(todayJst(checkInstant(instant)));
}

function checkInstant(instant: Date): Date {
	if (Number.isNaN(instant.getTime())) throw new RangeError('not a valid Date');
	return instant;
}

function daysBetween(from: string, to: string): number {
	return (floatingAt(to).getTime() - floatingAt(from).getTime()) / DAY_MS;
}

/** Every 'YYYY-MM' from the earliest to the latest given, so that a quiet month shows as 0, not as missing. */
function monthRange(months: readonly string[]): string[] {
	const sorted = [...months].sort();
	const [y0, m0] = sorted[0].split('-').map(Number);
	const last = sorted[sorted.length - 1];
	const out: string[] = [];
	for (let i = y0 * 12 + m0 - 1; ; i++) {
		const month = `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
		out.push(month);
		if (month >= last) return out;
	}
}

export type NumbersColumn =
	| 'area'
	| 'month'
	| 'participants'
	| 'connected'
	| 'connectedRate'
	| 'medianDaysToFirst'
	| 'settleEligible'
	| 'settled3m'
	| 'settledRate'
	| 'replies'
	| 'medianReplyHours';

/**
 * The words of the CSV, from the message catalogue, so that this module stays free of any
 * one language.
 */
export interface NumbersCsvLabels {
	headers: Record<NumbersColumn, string>;
	/** Column headers of the end reasons (終了理由：就労につながった …); another code is written as itself. */
	endReasons: Record<EndReason, string>;
	/** Area names by id; an id not here is written as itself. */
	areaNames: Readonly<Record<string, string>>;
	/** For NO_AREA: 地域未設定. */
	noArea: string;
	/** For ALL_AREAS: 全地域. */
	allAreas: string;
	/** For the month of an all-months row: 全期間. */
	allMonths: string;
	/** e.g. 'YYYY-MM' → 令和8年4月; 'YYYY-MM' as it is when absent. */
	formatMonth?: (month: string) => string;
}

/**
 * One line per area and month, each area followed by its subtotal over all months; then every
 * month over all areas; then the total — the layout a 社協 pastes into its report as it is.
 */
export function numbersCsv(result: ParticipationNumbers, labels: NumbersCsvLabels): string {
	const allRows = [...result.cells, ...result.byArea, ...result.byMonth, result.total];
	const otherReasons = [...new Set(allRows.flatMap((r) => Object.keys(r.endReasons)))]
		.filter((r) => !(END_REASONS as readonly string[]).includes(r))
		.sort();
	const reasons = [...END_REASONS, ...otherReasons];
	const h = labels.headers;
	const header = [
		h.area,
		h.month,
		h.participants,
		h.connected,
		h.connectedRate,
		h.medianDaysToFirst,
		h.settleEligible,
		h.settled3m,
		h.settledRate,
		h.replies,
		h.medianReplyHours,
		...reasons.map((r) => lookup(labels.endReasons, r) ?? r)
	];
	const line = (r: NumbersRow): unknown[] => [
		r.areaId === ALL_AREAS ? labels.allAreas : r.areaId === NO_AREA ? labels.noArea : (lookup(labels.areaNames, r.areaId) ?? r.areaId),
		r.month === null ? labels.allMonths : (labels.formatMonth?.(r.month) ?? r.month),
		r.participants,
		r.connected,
		percent(r.connectedRate),
		r.medianDaysToFirst,
		r.settleEligible,
		r.settled3m,
		percent(r.settledRate),
		r.replies,
		r.medianReplyHours,
		...reasons.map((reason) => r.endReasons[reason] ?? 0)
	];
	const lines = result.byArea.flatMap((area) => [...result.cells.filter((c) => c.areaId === area.areaId), area]);
	return toCsv(header, [...lines, ...result.byMonth, result.total].map(line));
}

/** 0.3333… → '33.3'; always one decimal, so that a column reads evenly. */
function percent(rate: number | null): string | null {
	return rate === null ? null : (Math.round(rate * 1000) / 10).toFixed(1);
}

function lookup(record: Readonly<Record<string, string>>, key: string): string | undefined {
	return Object.hasOwn(record, key) ? record[key] : undefined;
}
