/**
 * Test-only: the five hard constraints restated from the specification, as plainly as possible
 * and sharing no code with the engine (own JST reading, own haversine), so that property tests
 * can hold the engine to the rules rather than to itself.
 */
import type { HardConstraint, Opening, Participant } from './types';

const BAND: Record<Participant['ageBand'], [number, number]> = {
	'10s': [10, 19],
	'20s': [20, 29],
	'30s': [30, 39],
	'40s': [40, 49],
	'50s': [50, 59],
	'60s': [60, 69],
	'70s': [70, 79],
	'80plus': [80, 120]
};
const SPEED_KMH = { walk: 4.8, bicycle: 12, bus: 18 } as const;

const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Wall clock in Japan: UTC+9 read through the UTC getters, never the process time zone. */
function japan(d: Date) {
	const t = new Date(d.getTime() + 9 * 3600 * 1000);
	const minutes = t.getUTCHours() * 60 + t.getUTCMinutes() + t.getUTCSeconds() / 60 + t.getUTCMilliseconds() / 60000;
	return { weekday: t.getUTCDay(), minutes };
}

function distanceKm(a: { lon: number; lat: number }, b: { lon: number; lat: number }): number {
	const r = Math.PI / 180;
	const x = Math.sin(((b.lat - a.lat) * r) / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(((b.lon - a.lon) * r) / 2) ** 2;
	return 2 * 6371.0088 * Math.asin(Math.sqrt(x));
}

export function oracleFailures(p: Participant, o: Opening, now: Date): HardConstraint[] {
	const failed: HardConstraint[] = [];
	const horizon = now.getTime() + 28 * 24 * 3600 * 1000;
	const fits = o.occurrences.some(({ start, end }) => {
		if (start.getTime() < now.getTime() || start.getTime() >= horizon || end.getTime() <= start.getTime()) return false;
		const s = japan(start);
		const e = s.minutes + (end.getTime() - start.getTime()) / 60000;
		return p.availability.some(
			(w) => w.weekday === s.weekday && clock(w.start) < clock(w.end) && clock(w.start) <= s.minutes && e <= clock(w.end)
		);
	});
	if (!fits) failed.push('time');
	if (!(o.capacity - o.filled > 0)) failed.push('capacity');
	const [lo, hi] = BAND[p.ageBand];
	const ageOk = lo <= (o.ageMax ?? Infinity) && hi >= (o.ageMin ?? -Infinity);
	const targetOk =
		o.targetGroups.length === 0 || o.targetGroups.includes('anyone') || o.targetGroups.some((g) => p.targetGroups.includes(g));
	if (!ageOk || !targetOk) failed.push('eligibility');
	const needs = [...p.requiredAccommodations, ...(p.needsCompanionFirstVisit ? (['companion_ok'] as const) : [])];
	if (!needs.every((a) => o.accommodations.includes(a))) failed.push('accommodations');
	if (!travelOk(p, o)) failed.push('travel');
	return failed;
}

function travelOk(p: Participant, o: Opening): boolean {
	if (o.accommodations.includes('pickup')) return true;
	const modes = p.modes.length === 0 ? (['walk'] as const) : p.modes.filter((m) => m !== 'pickup_needed');
	if (modes.length === 0) return false;
	if (p.home === null || o.location === null) return true;
	const road = distanceKm(p.home, o.location) * 1.3;
	return modes.some((m) => Math.ceil((road / SPEED_KMH[m]) * 60 + (m === 'bus' ? 10 : 0) - 1e-9) <= p.maxMinutes);
}

export { distanceKm as oracleDistanceKm };
