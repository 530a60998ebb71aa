/**
 * The five hard constraints on a compiled (participant, opening) pair. A pair failing any of them
 * is never a match; failing exactly one makes it a near miss the coordinator may negotiate.
 */
import { TRAVEL, haversineRad, minutesFor, wholeMinutes, type OwnMode } from './travel';
import { SLOT, slotsOf, type CompiledOpening, type CompiledParticipant } from './compile';
import { DAY_MS } from './jst';
import type { HardConstraint, OpeningOccurrence } from './types';

export const FAIL = {
	time: 1,
	capacity: 2,
	eligibility: 4,
	accommodations: 8,
	travel: 16
} as const satisfies Record<HardConstraint, number>;

export const CONSTRAINT_ORDER: readonly HardConstraint[] = ['time', 'capacity', 'eligibility', 'accommodations', 'travel'];

export function constraintOf(mask: number): HardConstraint | null {
	return CONSTRAINT_ORDER.find((c) => FAIL[c] === mask) ?? null;
}

/**
 * (1) for one occurrence: it starts within [now, now + 28 days) and lies wholly inside one of the
 * participant's windows on its JST day. The only definition of the time rule (screen.ts uses it too).
 */
export function fitsWindow(p: CompiledParticipant, start: number, end: number): boolean {
	if (!(start >= p.nowMs && start < p.horizonEnd && end > start)) return false;
	const w = p.dayWindows[((start - p.dayBase) / DAY_MS) | 0];
	for (let j = 0; j < w.length; j += 2) if (w[j] <= start && end <= w[j + 1]) return true;
	return false;
}

/**
 * (1) as a yes/no on raw occurrences, in any order: firstFit(…) ≥ 0 without building the slots.
 * Reading a Date is most of the cost, so the end is read only when the start's day has windows.
 */
export function someOccurrenceFits(p: CompiledParticipant, occurrences: readonly OpeningOccurrence[]): boolean {
	for (const x of occurrences) {
		const s = x.start.getTime();
		if (s < p.nowMs || s >= p.horizonEnd || p.dayWindows[((s - p.dayBase) / DAY_MS) | 0].length === 0) continue;
		if (fitsWindow(p, s, x.end.getTime())) return true;
	}
	return false;
}

/**
 * (1) Does any occurrence fit? On the slots once they are built (prepareOpenings, the batch: each
 * opening is checked many times), else on the raw occurrences: a one-shot ranking checks most
 * openings once and needs the slots only for the few it reports.
 */
export function timeFits(p: CompiledParticipant, o: CompiledOpening): boolean {
	return o.slots === null ? someOccurrenceFits(p, o.src.occurrences) : firstFit(p, o) >= 0;
}

/** (1) The slot offset (in slotsOf) of the earliest fitting occurrence, or -1. */
export function firstFit(p: CompiledParticipant, o: CompiledOpening): number {
	if (p.weekdayMask === 0) return -1;
	const slots = slotsOf(o);
	for (let i = 0; i < slots.length; i += SLOT) {
		// Slots are by start: past the horizon nothing later can fit.
		if (slots[i] >= p.horizonEnd) return -1;
		if (fitsWindow(p, slots[i], slots[i + 1])) return i;
	}
	return -1;
}

export function ageFits(p: CompiledParticipant, o: CompiledOpening): boolean {
	return p.ageLo <= o.ageMax && p.ageHi >= o.ageMin;
}

export function targetFits(p: CompiledParticipant, o: CompiledOpening): boolean {
	return o.openToAnyone || (p.targetMask & o.targetMask) !== 0;
}

/** (3) Age band overlaps the opening's range, and target groups meet (or the opening is for anyone). */
export function eligible(p: CompiledParticipant, o: CompiledOpening): boolean {
	return ageFits(p, o) && targetFits(p, o);
}

/** (4) Needs the opening does not meet, as a mask (0 = all met). */
export function missingAccommodations(p: CompiledParticipant, o: CompiledOpening): number {
	return p.reqMask & ~o.accMask;
}

/** Straight-line km between home and place; NaN when either is unknown. */
export function pairKm(p: CompiledParticipant, o: CompiledOpening): number {
	if (!p.hasLoc || !o.hasLoc) return Number.NaN;
	return haversineRad(p.lat, p.lon, p.cosLat, o.lat, o.lon, o.cosLat);
}

/** The fastest of the participant's own modes (walk/bicycle/bus), unrounded; null if none. */
export function bestOwnMode(p: CompiledParticipant, km: number): { mode: OwnMode; minutes: number } | null {
	let best: { mode: OwnMode; minutes: number } | null = null;
	for (const mode of p.ownModes) {
		const minutes = minutesFor(mode, km);
		if (best === null || minutes < best.minutes) best = { mode, minutes };
	}
	return best;
}

/** Minutes by the fastest own mode, unrounded; Infinity if none (bestOwnMode without allocating). */
export function fastestOwnMinutes(p: CompiledParticipant, km: number): number {
	let best = Number.POSITIVE_INFINITY;
	for (const mode of p.ownModes) best = Math.min(best, minutesFor(mode, km));
	return best;
}

/**
 * (5) Travel. A host who collects people (送迎) makes any distance reachable, for everyone; someone
 * who can only be collected ('pickup_needed' alone) reaches nothing else, even at an unknown
 * distance. Otherwise an unknown distance passes (the explanation says 「距離は不明」), and a known
 * one must be within maxMinutes, in whole minutes, by the best own mode.
 */
export function travelFits(p: CompiledParticipant, o: CompiledOpening, km: number): boolean {
	if (o.hasPickup) return true;
	if (p.ownModes.length === 0) return false;
	if (Number.isNaN(km)) return true;
	return wholeMinutes(fastestOwnMinutes(p, km)) <= p.maxMinutes;
}

/**
 * The failed constraints as a FAIL mask, cheapest checks first. With stopAt = 1 it answers
 * "feasible?" and with 2 "a near miss?" without paying for the rest.
 */
export function failures(p: CompiledParticipant, o: CompiledOpening, stopAt = 5): number {
	let mask = 0;
	let n = 0;
	if (o.spare <= 0) {
		mask |= FAIL.capacity;
		if (++n >= stopAt) return mask;
	}
	if (missingAccommodations(p, o) !== 0) {
		mask |= FAIL.accommodations;
		if (++n >= stopAt) return mask;
	}
	if (!eligible(p, o)) {
		mask |= FAIL.eligibility;
		if (++n >= stopAt) return mask;
	}
	if (!travelFitsCheap(p, o)) {
		mask |= FAIL.travel;
		if (n + 1 >= stopAt) return mask;
	}
	if (!timeFits(p, o)) mask |= FAIL.time;
	return mask;
}

/** travelFits, skipping the trigonometry when the latitudes alone are already too far apart. */
function travelFitsCheap(p: CompiledParticipant, o: CompiledOpening): boolean {
	if (o.hasPickup) return true;
	if (p.ownModes.length === 0) return false;
	if (!p.hasLoc || !o.hasLoc) return true;
	// A meridian arc is the shortest way between two latitudes, so this never rejects a reachable pair.
	if (Math.abs(p.lat - o.lat) * TRAVEL.earthRadiusKm > p.reach) return false;
	return travelFits(p, o, pairKm(p, o));
}
