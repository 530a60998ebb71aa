/**
 * A pre-filter for one-shot ranking: counts hard constraints an *uncompiled* opening certainly
 * fails, so that rankOpenings compiles only openings that may be matches or near misses (≤ 1
 * failure) — most of 10,000 are neither, and compiling them would cost more than the ranking.
 *
 * It must be sound, never exact: each check here fails only where the real check in
 * constraints.ts fails too, so a count ≥ 2 proves the opening is neither a match nor a near
 * miss. Whatever passes here is checked again for real. (screen.test.ts holds it to that.)
 */
import type { CompiledParticipant } from './compile';
import { someOccurrenceFits } from './constraints';
import { TRAVEL } from './travel';
import type { Opening } from './types';

const RAD = Math.PI / 180;

export function certainFailures(p: CompiledParticipant, o: Opening, stopAt: number): number {
	let n = 0;
	// Same order of cost as failures(): cheap fields first, occurrences last.
	if (!(o.capacity - o.filled >= 1) && ++n >= stopAt) return n;
	if (!ageAndTargetMayFit(p, o) && ++n >= stopAt) return n;
	if (!offersAll(o, p.required) && ++n >= stopAt) return n;
	if (certainlyTooFar(p, o) && !o.accommodations.includes('pickup') && ++n >= stopAt) return n;
	if (!someOccurrenceFits(p, o.occurrences)) n++;
	return n;
}

function offersAll(o: Opening, required: readonly string[]): boolean {
	for (const code of required) if (!(o.accommodations as readonly string[]).includes(code)) return false;
	return true;
}

function ageAndTargetMayFit(p: CompiledParticipant, o: Opening): boolean {
	if (p.ageLo > (o.ageMax ?? Number.POSITIVE_INFINITY) || p.ageHi < (o.ageMin ?? Number.NEGATIVE_INFINITY)) return false;
	const groups = o.targetGroups;
	if (groups.length === 0) return true;
	for (const g of groups) if (g === 'anyone' || p.targetSet.has(g)) return true;
	return false;
}

/** As travelFits without pickup: no own mode at all, or the latitudes alone already too far apart. */
function certainlyTooFar(p: CompiledParticipant, o: Opening): boolean {
	if (p.ownModes.length === 0) return true;
	if (!p.hasLoc || o.location === null || !Number.isFinite(o.location.lat) || !Number.isFinite(o.location.lon)) return false;
	return Math.abs(p.lat - o.location.lat * RAD) * TRAVEL.earthRadiusKm > p.reach;
}
