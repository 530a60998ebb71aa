/**
 * Travel-time estimates. Deliberately crude (no road network, no timetable): the coordinator
 * knows the town; the engine only needs to sort out what is clearly too far.
 */
import type { LonLat, TravelMode } from './types';

export const TRAVEL = {
	/** Roads are not straight lines; 1.3 is the usual urban detour factor. */
	detourFactor: 1.3,
	/** km/h. Bus is an average over riding and walking to stops. */
	speedKmh: { walk: 4.8, bicycle: 12, bus: 18 },
	/** Minutes a bus trip costs before it moves (waiting at the stop). */
	busFixedWaitMinutes: 10,
	/** A host's car: only used to rank pickup openings by closeness, never to rule one out. */
	pickupSpeedKmh: 24,
	earthRadiusKm: 6371.0088
} as const;

export type OwnMode = 'walk' | 'bicycle' | 'bus';
export const OWN_MODES: readonly OwnMode[] = ['walk', 'bicycle', 'bus'];

const RAD = Math.PI / 180;

/** Great-circle distance in km. */
export function haversineKm(a: LonLat, b: LonLat): number {
	return haversineRad(a.lat * RAD, a.lon * RAD, Math.cos(a.lat * RAD), b.lat * RAD, b.lon * RAD, Math.cos(b.lat * RAD));
}

/** The same on precomputed radians and cos(lat), for the pair loop. */
export function haversineRad(lat1: number, lon1: number, cos1: number, lat2: number, lon2: number, cos2: number): number {
	const sLat = Math.sin((lat2 - lat1) / 2);
	const sLon = Math.sin((lon2 - lon1) / 2);
	const h = sLat * sLat + cos1 * cos2 * sLon * sLon;
	return 2 * TRAVEL.earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Unrounded minutes for a straight-line distance by one mode. */
export function minutesFor(mode: TravelMode, km: number): number {
	const road = km * TRAVEL.detourFactor;
	switch (mode) {
		case 'walk':
			return (road / TRAVEL.speedKmh.walk) * 60;
		case 'bicycle':
			return (road / TRAVEL.speedKmh.bicycle) * 60;
		case 'bus':
			return (road / TRAVEL.speedKmh.bus) * 60 + TRAVEL.busFixedWaitMinutes;
		case 'pickup':
			return (road / TRAVEL.pickupSpeedKmh) * 60;
	}
}

/** The farthest straight-line distance a mode covers in the given minutes (for cheap rejection). */
export function reachKm(mode: OwnMode, minutes: number): number {
	const m = mode === 'bus' ? minutes - TRAVEL.busFixedWaitMinutes : minutes;
	return Math.max(0, (m / 60) * TRAVEL.speedKmh[mode]) / TRAVEL.detourFactor;
}

/**
 * Whole minutes as shown and as compared with maxMinutes: rounded up, so 「徒歩20分」 never hides
 * 20.4 minutes behind a limit of 20. (The epsilon absorbs float noise such as 12.000000001.)
 */
export function wholeMinutes(minutes: number): number {
	return Math.ceil(minutes - 1e-9);
}
