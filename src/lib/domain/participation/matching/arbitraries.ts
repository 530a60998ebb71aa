/**
 * Test-only fast-check generators: small towns and small vocabularies, so that random pairs
 * match, nearly match and fail in useful proportions.
 */
import fc from 'fast-check';
import { ACCOMMODATIONS, TARGET_GROUPS, type TargetGroup } from '../../shared/taxonomy';
import { NOW } from './fixtures';
import type { Goal, Mode, Opening, Participant, Preference, Weekday } from './types';
import { DAY_MS } from '../../shared/schedule/jst';

const hhmm = (halfHours: number) => `${String(Math.floor(halfHours / 2)).padStart(2, '0')}:${halfHours % 2 ? '30' : '00'}`;

/** Mostly three weekdays, so that people's days and openings' days often meet. */
const weekday = fc.oneof(
	fc.constantFrom<Weekday>(1, 3, 4),
	fc.integer({ min: 0, max: 6 }).map((d) => d as Weekday)
);
const place = fc.record({
	lon: fc.double({ min: 139.95, max: 139.99, noNaN: true }),
	lat: fc.double({ min: 35.85, max: 35.89, noNaN: true })
});
const interests = fc.subarray(['books', 'cooking', 'music', 'crafts', 'farming']);
const goals = fc.subarray<Goal>(['ibasho', 'friends', 'volunteer', 'work_prep', 'hobby'], { maxLength: 2 });
/** A few likely codes, so that requirements are sometimes met. */
const commonAccommodations = fc.subarray(['observe_ok', 'companion_ok', 'quiet', 'pickup', 'short_time_ok'] as const);

export const arbParticipant = (id: fc.Arbitrary<string> = fc.constant('p')): fc.Arbitrary<Participant> =>
	fc.record({
		id,
		code: fc.constant('X'),
		ageBand: fc.constantFrom('10s', '20s', '30s', '40s', '50s', '60s', '70s', '80plus'),
		targetGroups: fc.subarray([...TARGET_GROUPS.filter((g) => g !== 'anyone')], { minLength: 1, maxLength: 2 }),
		interests,
		goals,
		availability: fc.array(
			fc.oneof(
				fc.record({ weekday, start: fc.constantFrom('09:00', '13:00', '00:00'), end: fc.constantFrom('12:00', '17:00', '24:00') }),
				fc.record({ weekday, from: fc.integer({ min: 16, max: 40 }), hours: fc.integer({ min: 1, max: 10 }) }).map((w) => ({
					weekday: w.weekday,
					start: hhmm(w.from),
					end: hhmm(Math.min(48, w.from + w.hours * 2))
				}))
			),
			{ minLength: 0, maxLength: 5 }
		),
		modes: fc.subarray<Mode>(['walk', 'bicycle', 'bus', 'pickup_needed'], { maxLength: 3 }),
		maxMinutes: fc.constantFrom(10, 15, 20, 30, 45, 60),
		home: fc.option(place, { freq: 8 }),
		requiredAccommodations: fc.subarray(['observe_ok', 'quiet', 'pickup'] as const, { maxLength: 1 }),
		preferences: fc.subarray<Preference>(['small_group', 'quiet', 'same_gender_staff']),
		needsCompanionFirstVisit: fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false))),
		waitingSince: fc.integer({ min: 0, max: 400 }).map((d) => new Date(NOW.getTime() - d * DAY_MS).toISOString().slice(0, 10)),
		declinedOpeningIds: fc.subarray(['o0', 'o1', 'o2']),
		pastOrganizationIds: fc.subarray(['org0', 'org1'])
	});

export const arbOpening = (id: fc.Arbitrary<string> = fc.constant('o')): fc.Arbitrary<Opening> =>
	fc.record({
		id,
		organizationId: fc.constantFrom('org0', 'org1', 'org2'),
		title: fc.constant('枠'),
		placeName: fc.constant('場所'),
		location: fc.option(place, { freq: 8 }),
		// Some before now and beyond 4 weeks, some malformed, some crossing midnight.
		occurrences: fc.array(
			fc
				.record({
					day: fc.oneof(fc.integer({ min: 0, max: 27 }), fc.integer({ min: -2, max: 31 })),
					from: fc.oneof(fc.integer({ min: 18, max: 30 }), fc.integer({ min: 0, max: 47 })),
					halfHours: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer({ min: -1, max: 8 }))
				})
				.map((x) => {
					const start = NOW.getTime() + x.day * DAY_MS + x.from * 30 * 60_000;
					return { start: new Date(start), end: new Date(start + x.halfHours * 30 * 60_000) };
				}),
			{ maxLength: 8 }
		),
		capacity: fc.integer({ min: 0, max: 4 }),
		filled: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 })),
		accommodations: fc.oneof(
			commonAccommodations.map((a) => [...a]),
			fc.subarray([...ACCOMMODATIONS])
		),
		targetGroups: fc.oneof(
			fc.constant<TargetGroup[]>(['anyone']),
			fc.constant<TargetGroup[]>([]),
			fc.subarray([...TARGET_GROUPS], { maxLength: 3 })
		),
		ageMin: fc.option(fc.constantFrom(15, 18, 30, 40, 65), { freq: 2 }),
		ageMax: fc.option(fc.constantFrom(29, 39, 64, 120), { freq: 2 }),
		tags: interests,
		goals,
		groupSize: fc.constantFrom('small', 'medium', 'large', null),
		hostMedianReplyHours: fc.option(fc.integer({ min: 0, max: 200 }), { freq: 4 })
	});

/** Openings with distinct ids o0, o1, … */
export const arbOpenings = (max: number) =>
	fc.array(fc.nat(), { maxLength: max }).chain((xs) => fc.tuple(...xs.map((_, i) => arbOpening(fc.constant(`o${i}`)))));

/** Participants with distinct ids p0, p1, … */
export const arbParticipants = (max: number) =>
	fc.array(fc.nat(), { maxLength: max }).chain((xs) => fc.tuple(...xs.map((_, i) => arbParticipant(fc.constant(`p${i}`)))));

/**
 * For the batch: people and openings that mostly fit each other (Mon/Wed/Thu daytimes, bus
 * reach, open to anyone), so that they compete for places and greedy choices can go wrong.
 * The soft parts (interests, goals, places, waiting, hosts) stay random.
 */
const DENSE_DAYS: Weekday[] = [1, 3, 4];

export const arbDenseParticipant = (id: fc.Arbitrary<string>) =>
	fc
		.tuple(arbParticipant(id), fc.subarray(DENSE_DAYS, { minLength: 1 }), fc.constantFrom(20, 30, 45))
		.map(([p, days, maxMinutes]): Participant => ({
			...p,
			availability: days.map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
			modes: ['walk', 'bus'],
			maxMinutes,
			requiredAccommodations: [],
			needsCompanionFirstVisit: false
		}));

export const arbDenseOpening = (id: fc.Arbitrary<string>) =>
	fc.tuple(arbOpening(id), fc.constantFrom(...DENSE_DAYS), fc.integer({ min: 1, max: 2 })).map(([o, day, capacity]): Opening => ({
		...o,
		occurrences: Array.from({ length: 28 }, (_, d) => d)
			.filter((d) => (1 + d) % 7 === day)
			.map((d) => ({
				start: new Date(NOW.getTime() + d * DAY_MS + 10 * 3_600_000),
				end: new Date(NOW.getTime() + d * DAY_MS + 12 * 3_600_000)
			})),
		capacity,
		filled: 0,
		targetGroups: ['anyone'],
		ageMin: null,
		ageMax: null
	}));

/** A batch instance: up to `people` participants and `openings` openings, general or dense. */
export const arbInstance = (people: number, openings: number) =>
	fc.oneof(
		fc.tuple(arbParticipants(people), arbOpenings(openings)),
		fc.tuple(
			fc.array(fc.nat(), { maxLength: people }).chain((xs) => fc.tuple(...xs.map((_, i) => arbDenseParticipant(fc.constant(`p${i}`))))),
			fc.array(fc.nat(), { maxLength: openings }).chain((xs) => fc.tuple(...xs.map((_, i) => arbDenseOpening(fc.constant(`o${i}`)))))
		)
	);
