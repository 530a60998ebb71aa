/**
 * Participants and openings turned once into flat, precomputed records (bit masks, radians, JST
 * occurrence windows) so that checking a pair is arithmetic: the batch checks millions of pairs.
 */
import { ACCOMMODATIONS, TARGET_GROUPS, type Accommodation, type TargetGroup } from '../../shared/taxonomy';
import { DAY_MS, MINUTE_MS, jstDay, jstDayStart, parseClock, weekdayOfDay, dayOfDate } from './jst';
import { OWN_MODES, reachKm, type OwnMode } from './travel';
import type { AgeBand, Goal, Opening, Participant } from './types';

/** Hard constraint (1) looks this far ahead of `now`. */
export const HORIZON_DAYS = 28;

const GOALS: readonly Goal[] = ['ibasho', 'friends', 'volunteer', 'work_prep', 'hobby'];

const AGE_BANDS: Record<AgeBand, readonly [number, number]> = {
	'10s': [10, 19],
	'20s': [20, 29],
	'30s': [30, 39],
	'40s': [40, 49],
	'50s': [50, 59],
	'60s': [60, 69],
	'70s': [70, 79],
	'80plus': [80, 120]
};

const RAD = Math.PI / 180;

type Bits = Readonly<Record<string, number | undefined>>;

/**
 * Code → bit for a vocabulary, in a record without prototype (so 'toString' is no code): a keyed
 * load costs about half a Map.get or indexOf, and compiling an opening looks up each of its codes.
 */
function bitsOf(vocabulary: readonly string[]): Bits {
	return Object.assign(Object.create(null), Object.fromEntries(vocabulary.map((code, i) => [code, 1 << i])));
}

const ACCOMMODATION_BITS = bitsOf(ACCOMMODATIONS);
const TARGET_BITS = bitsOf(TARGET_GROUPS);
const GOAL_BITS = bitsOf(GOALS);
const PICKUP_BIT = ACCOMMODATION_BITS.pickup!;
const ANYONE_BIT = TARGET_BITS.anyone!;

/** Unknown codes add nothing. */
function maskOf(bits: Bits, codes: readonly string[]): number {
	let mask = 0;
	for (const c of codes) mask |= bits[c] ?? 0;
	return mask;
}

export const accommodationMask = (codes: readonly Accommodation[]): number => maskOf(ACCOMMODATION_BITS, codes);

export const accommodationBit = (code: Accommodation): number => ACCOMMODATION_BITS[code]!;

export const goalMask = (goals: readonly Goal[]): number => maskOf(GOAL_BITS, goals);

const targetMask = (groups: readonly TargetGroup[]): number => maskOf(TARGET_BITS, groups);

export function popcount(n: number): number {
	let c = 0;
	for (let x = n; x; x &= x - 1) c++;
	return c;
}

export interface CompiledOpening {
	src: Opening;
	id: string;
	spare: number;
	ageMin: number;
	ageMax: number;
	/** targetGroups empty or containing 'anyone'. */
	openToAnyone: boolean;
	targetMask: number;
	accMask: number;
	hasPickup: boolean;
	hasLoc: boolean;
	lat: number;
	lon: number;
	cosLat: number;
	/** See slotsOf: null until built (on first use, or at once by compileOpeningWithSlots). */
	slots: number[] | null;
	tags: string[];
	goalMask: number;
	/** small 1, medium 0.5, large 0, unknown 0.5 — how well it suits someone who wants it small. */
	smallness: number;
	/** Soft-score component for the host's reply speed, in [0, 1]. */
	hostReply: number;
}

export interface CompiledParticipant {
	src: Participant;
	id: string;
	/** The query's moment: occurrences count from nowMs up to (not including) horizonEnd. */
	nowMs: number;
	horizonEnd: number;
	ageLo: number;
	ageHi: number;
	targetMask: number;
	/** Required accommodations, with companion_ok added when the first visit needs a companion. */
	reqMask: number;
	/** reqMask as codes (known ones only), for checks on an uncompiled opening (screen.ts). */
	required: Accommodation[];
	targetSet: Set<string>;
	/** Per weekday, availability as flat [start, end, start, end, …] minutes of the JST day. */
	windows: number[][];
	weekdayMask: number;
	/** JST midnight of now's day; dayWindows[d] holds day d's windows as flat instants (ms). */
	dayBase: number;
	dayWindows: number[][];
	ownModes: OwnMode[];
	maxMinutes: number;
	/** Straight-line km beyond which no own mode arrives in time (a cheap rejection bound). */
	reach: number;
	hasLoc: boolean;
	lat: number;
	lon: number;
	cosLat: number;
	interests: string[];
	interestSet: Set<string>;
	goalMask: number;
	goalCount: number;
	/** small_group or quiet: both are served by a small group. */
	prefersSmall: boolean;
	/** The accommodation codes the preferences ask for (small_group, quiet). */
	prefAccMask: number;
	declined: Set<string>;
	pastOrgs: Set<string>;
}

/** Independent of `now`, so one compilation serves every query until the openings change. */
export function compileOpening(o: Opening): CompiledOpening {
	// Placeholders only: compileOpeningInto sets every field.
	const record: CompiledOpening = {
		src: o,
		id: o.id,
		slots: null,
		spare: 0,
		ageMin: 0,
		ageMax: 0,
		openToAnyone: false,
		targetMask: 0,
		accMask: 0,
		hasPickup: false,
		hasLoc: false,
		lat: 0,
		lon: 0,
		cosLat: 0,
		tags: o.tags,
		goalMask: 0,
		smallness: 0,
		hostReply: 0
	};
	return compileOpeningInto(record, o);
}

/**
 * compileOpening into an existing record, every field overwritten. The one-shot ranking compiles
 * thousands of candidates and keeps few, so it reuses one record until a pair keeps it: a fresh
 * record per candidate (each with its boxed numbers) made garbage collection a large and erratic
 * part of the call.
 */
export function compileOpeningInto(record: CompiledOpening, o: Opening): CompiledOpening {
	const targets = o.targetGroups;
	const loc = o.location;
	const hasLoc = loc !== null && Number.isFinite(loc.lat) && Number.isFinite(loc.lon);
	const h = o.hostMedianReplyHours;
	const accMask = accommodationMask(o.accommodations);
	const tMask = targetMask(targets);
	record.src = o;
	record.id = o.id;
	record.slots = null;
	// Whole places: half a free place seats nobody.
	record.spare = Number.isFinite(o.capacity - o.filled) ? Math.max(0, Math.floor(o.capacity - o.filled)) : 0;
	record.ageMin = o.ageMin ?? Number.NEGATIVE_INFINITY;
	record.ageMax = o.ageMax ?? Number.POSITIVE_INFINITY;
	record.openToAnyone = targets.length === 0 || (tMask & ANYONE_BIT) !== 0;
	record.targetMask = tMask;
	record.accMask = accMask;
	record.hasPickup = (accMask & PICKUP_BIT) !== 0;
	record.hasLoc = hasLoc;
	record.lat = hasLoc ? loc.lat * RAD : 0;
	record.lon = hasLoc ? loc.lon * RAD : 0;
	record.cosLat = hasLoc ? Math.cos(loc.lat * RAD) : 0;
	record.tags = unique(o.tags);
	record.goalMask = goalMask(o.goals);
	record.smallness = o.groupSize === 'small' ? 1 : o.groupSize === 'large' ? 0 : 0.5;
	// A day's wait halves it; an unknown host sits in the middle.
	record.hostReply = h === null || !Number.isFinite(h) ? 0.5 : 1 / (1 + Math.max(0, h) / 24);
	return record;
}

/** Numbers per occurrence in CompiledOpening.slots: start and end instants (ms), source index. */
export const SLOT = 3;

/**
 * The opening's occurrences as instants, by start, computed on first use: a one-shot ranking
 * checks each opening once, on the raw occurrences (see timeFits), and needs the slots only for
 * the few it reports. Malformed ones (end ≤ start) are left out: they fit nothing.
 */
export function slotsOf(o: CompiledOpening): number[] {
	if (o.slots !== null) return o.slots;
	const slots: number[] = [];
	const occurrences = o.src.occurrences;
	let sorted = true;
	for (let i = 0; i < occurrences.length; i++) {
		const s = occurrences[i].start.getTime();
		const e = occurrences[i].end.getTime();
		if (!(e > s)) continue;
		const n = slots.length;
		if (n > 0 && (s < slots[n - 3] || (s === slots[n - 3] && e < slots[n - 2]))) sorted = false;
		slots.push(s, e, i);
	}
	o.slots = sorted ? slots : sortSlots(slots);
	return o.slots;
}

/** For an opening checked against many participants: sorted slots let the time check stop early. */
export function compileOpeningWithSlots(o: Opening): CompiledOpening {
	const compiled = compileOpening(o);
	slotsOf(compiled);
	return compiled;
}

function sortSlots(slots: number[]): number[] {
	const order = Array.from({ length: slots.length / SLOT }, (_, k) => k * SLOT);
	order.sort((a, b) => slots[a] - slots[b] || slots[a + 1] - slots[b + 1] || a - b);
	return order.flatMap((k) => slots.slice(k, k + SLOT));
}

/** The list itself when it has no repeats (the usual case), else a copy without them. */
function unique(xs: string[]): string[] {
	for (let i = 1; i < xs.length; i++) if (xs.lastIndexOf(xs[i], i - 1) >= 0) return [...new Set(xs)];
	return xs;
}

export function compileParticipant(p: Participant, nowMs: number): CompiledParticipant {
	const [ageLo, ageHi] = AGE_BANDS[p.ageBand] ?? [Number.NaN, Number.NaN];
	const windows: number[][] = [[], [], [], [], [], [], []];
	let weekdayMask = 0;
	for (const w of p.availability) {
		const s = parseClock(w.start);
		const e = parseClock(w.end);
		// Windows across midnight are not supported: such a window (end ≤ start) holds nothing.
		if (!(e > s) || !(w.weekday >= 0 && w.weekday <= 6)) continue;
		windows[w.weekday].push(s, e);
		weekdayMask |= 1 << w.weekday;
	}
	// The weekly windows laid onto the actual days of the horizon, as instants: checking an
	// occurrence is then a subtraction and two comparisons, with no weekday or clock arithmetic.
	const dayBase = jstDayStart(nowMs);
	const firstWeekday = weekdayOfDay(jstDay(nowMs));
	const dayWindows: number[][] = [];
	for (let d = 0; d <= HORIZON_DAYS; d++) {
		const base = dayBase + d * DAY_MS;
		dayWindows.push(windows[(firstWeekday + d) % 7].map((minutes) => base + minutes * MINUTE_MS));
	}
	const own = OWN_MODES.filter((m) => p.modes.includes(m));
	// No mode recorded at all: assume walking, the slowest, so that we never promise too much.
	const ownModes: OwnMode[] = p.modes.length === 0 ? ['walk'] : own;
	const maxMinutes = Number.isFinite(p.maxMinutes) ? p.maxMinutes : 0;
	const reach = Math.max(0, ...ownModes.map((m) => reachKm(m, maxMinutes + 1)));
	const hasLoc = p.home !== null && Number.isFinite(p.home.lat) && Number.isFinite(p.home.lon);
	const interests = unique(p.interests);
	const gm = goalMask(p.goals);
	let reqMask = accommodationMask(p.requiredAccommodations);
	if (p.needsCompanionFirstVisit) reqMask |= accommodationBit('companion_ok');
	let prefAccMask = 0;
	if (p.preferences.includes('small_group')) prefAccMask |= accommodationBit('small_group');
	if (p.preferences.includes('quiet')) prefAccMask |= accommodationBit('quiet');
	return {
		src: p,
		id: p.id,
		nowMs,
		horizonEnd: nowMs + HORIZON_DAYS * DAY_MS,
		ageLo,
		ageHi,
		targetMask: targetMask(p.targetGroups),
		reqMask,
		required: ACCOMMODATIONS.filter((a) => (reqMask & accommodationBit(a)) !== 0),
		targetSet: new Set(p.targetGroups),
		windows,
		weekdayMask,
		dayBase,
		dayWindows,
		ownModes,
		maxMinutes,
		reach,
		hasLoc,
		lat: hasLoc ? p.home!.lat * RAD : 0,
		lon: hasLoc ? p.home!.lon * RAD : 0,
		cosLat: hasLoc ? Math.cos(p.home!.lat * RAD) : 0,
		interests,
		interestSet: new Set(interests),
		goalMask: gm,
		goalCount: popcount(gm),
		prefersSmall: prefAccMask !== 0,
		prefAccMask,
		declined: new Set(p.declinedOpeningIds),
		pastOrgs: new Set(p.pastOrganizationIds)
	};
}

/** Whole JST days the participant has waited by `now` (0 when unknown or in the future). */
export function waitingDays(p: Participant, nowMs: number): number {
	const since = dayOfDate(p.waitingSince);
	return Number.isFinite(since) ? Math.max(0, jstDay(nowMs) - since) : 0;
}
