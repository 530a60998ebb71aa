/**
 * Test builders (imported by *.test.ts only). A participant and an opening that match each other
 * by default, so that each test changes exactly the field it is about.
 */
import type { Opening, OpeningOccurrence, Participant, Weekday } from './types';
import { DAY_MS, JST_OFFSET_MS } from '../../shared/schedule/jst';

/** Monday 23 November 2026, 00:00 JST. Never the real clock. */
export const NOW = new Date('2026-11-23T00:00:00+09:00');

/** 'YYYY-MM-DD' of the JST day `d` days after NOW. */
export function dateAfter(d: number): string {
	return new Date(NOW.getTime() + JST_OFFSET_MS + d * DAY_MS).toISOString().slice(0, 10);
}

/** A JST wall-clock instant. */
export const jst = (date: string, time: string): Date => new Date(`${date}T${time}:00+09:00`);

/** Every `weekday` in the 4 weeks from NOW, start–end JST. */
export function weekly(weekday: Weekday, start: string, end: string): OpeningOccurrence[] {
	const out: OpeningOccurrence[] = [];
	for (let d = 0; d < 28; d++) {
		const date = dateAfter(d);
		if (new Date(`${date}T00:00:00Z`).getUTCDay() !== weekday) continue;
		out.push({ start: jst(date, start), end: jst(date, end) });
	}
	return out;
}

/** Home in the middle of a town (Kashiwa-ish). */
export const HOME = { lon: 139.97, lat: 35.87 } as const;

/** A point `km` north of HOME (a meridian: 1° of latitude ≈ 111.2 km). */
export const northOfHome = (km: number) => ({ lon: HOME.lon, lat: HOME.lat + km / 111.195 });

export function participant(overrides: Partial<Participant> = {}): Participant {
	return {
		id: 'p1',
		code: 'A-001',
		ageBand: '30s',
		targetGroups: ['hikikomori'],
		interests: ['books'],
		goals: ['ibasho'],
		availability: [{ weekday: 4, start: '09:00', end: '12:00' }],
		modes: ['walk'],
		maxMinutes: 20,
		home: HOME,
		requiredAccommodations: [],
		preferences: [],
		needsCompanionFirstVisit: false,
		waitingSince: '2026-10-01',
		declinedOpeningIds: [],
		pastOrganizationIds: [],
		...overrides
	};
}

export function opening(overrides: Partial<Opening> = {}): Opening {
	return {
		id: 'o1',
		organizationId: 'org1',
		title: '居場所カフェ',
		placeName: '公民館',
		location: northOfHome(0.5),
		occurrences: weekly(4, '10:00', '12:00'),
		capacity: 3,
		filled: 0,
		accommodations: ['observe_ok'],
		targetGroups: ['anyone'],
		ageMin: null,
		ageMax: null,
		tags: ['books'],
		goals: ['ibasho'],
		groupSize: 'small',
		hostMedianReplyHours: 24,
		...overrides
	};
}
