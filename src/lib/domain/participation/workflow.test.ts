import { describe, expect, it } from 'vitest';
import {
	PLACEMENT_STATUSES,
	TRANSITIONS,
	canTransition,
	hostReminderDueAt,
	hostRequestExpiresAt,
	isHostRequestExpired,
	isOpen,
	isPlacementStatus,
	isStarted,
	occupiesCapacity,
	type PlacementStatus
} from './workflow';

/** The allowed moves written out again, independently of TRANSITIONS, as the spec lists them. */
const ALLOWED = new Set([
	'proposed→asked',
	'proposed→withdrawn',
	'asked→accepted',
	'asked→declined',
	'asked→expired',
	'asked→withdrawn',
	'expired→asked',
	'expired→withdrawn',
	'accepted→trial_visit',
	'accepted→active',
	'accepted→withdrawn',
	'trial_visit→active',
	'trial_visit→withdrawn',
	'active→settled',
	'active→ended',
	'settled→ended'
]);

describe('placement transitions', () => {
	it('has the ten status codes the database enum will have, in workflow order', () => {
		expect(PLACEMENT_STATUSES).toEqual([
			'proposed',
			'asked',
			'accepted',
			'declined',
			'expired',
			'trial_visit',
			'active',
			'settled',
			'ended',
			'withdrawn'
		]);
		expect(Object.keys(TRANSITIONS).sort()).toEqual([...PLACEMENT_STATUSES].sort());
	});

	it('allows exactly the listed moves, checked over all 100 pairs', () => {
		const allowed: string[] = [];
		for (const from of PLACEMENT_STATUSES) {
			for (const to of PLACEMENT_STATUSES) {
				expect(canTransition(from, to), `${from}→${to}`).toBe(ALLOWED.has(`${from}→${to}`));
				if (canTransition(from, to)) allowed.push(`${from}→${to}`);
			}
		}
		expect(allowed).toHaveLength(ALLOWED.size);
	});

	it.each<[PlacementStatus, PlacementStatus]>([
		['proposed', 'accepted'], // the host must be asked first
		['proposed', 'active'],
		['asked', 'active'],
		['asked', 'trial_visit'],
		['declined', 'asked'], // a new try is a new placement
		['withdrawn', 'proposed'],
		['ended', 'active'],
		['active', 'withdrawn'], // after starting it is an ending, not a withdrawal
		['settled', 'active'],
		['trial_visit', 'accepted'],
		['expired', 'accepted'], // a late yes goes through asking again
		['asked', 'asked']
	])('forbids %s → %s', (from, to) => {
		expect(canTransition(from, to)).toBe(false);
	});

	it('treats declined, withdrawn and ended as terminal, and expired as still open', () => {
		const terminal = PLACEMENT_STATUSES.filter((s) => !isOpen(s));
		expect(terminal.sort()).toEqual(['declined', 'ended', 'withdrawn']);
		expect(isOpen('expired')).toBe(true);
		for (const s of terminal) expect(TRANSITIONS[s]).toEqual([]);
	});

	it('reaches every status from proposed', () => {
		const seen = new Set<PlacementStatus>(['proposed']);
		const queue: PlacementStatus[] = ['proposed'];
		for (let from = queue.shift(); from; from = queue.shift()) {
			for (const next of TRANSITIONS[from]) {
				if (seen.has(next)) continue;
				seen.add(next);
				queue.push(next);
			}
		}
		expect([...seen].sort()).toEqual([...PLACEMENT_STATUSES].sort());
	});

	it('counts as started exactly the statuses only reachable through active', () => {
		expect(PLACEMENT_STATUSES.filter(isStarted)).toEqual(['active', 'settled', 'ended']);
		// ended means started: every way into it comes from a started status
		const intoEnded = PLACEMENT_STATUSES.filter((s) => canTransition(s, 'ended'));
		expect(intoEnded.every(isStarted)).toBe(true);
	});

	it('holds a seat from the host’s yes until the end, but not while the request is pending', () => {
		expect(PLACEMENT_STATUSES.filter(occupiesCapacity)).toEqual(['accepted', 'trial_visit', 'active', 'settled']);
		expect(occupiesCapacity('asked')).toBe(false);
		expect(occupiesCapacity('ended')).toBe(false);
	});

	it('recognises stored status codes and nothing else', () => {
		expect(isPlacementStatus('settled')).toBe(true);
		expect(isPlacementStatus('Settled')).toBe(false);
		expect(isPlacementStatus('toString')).toBe(false);
		expect(isPlacementStatus(null)).toBe(false);
	});
});

describe('host request timing', () => {
	// 23:00 JST, so that calendar-day counting would give a different answer than elapsed time.
	const askedAt = new Date('2026-04-01T23:00:00+09:00');

	it('reminds after 3 days and expires after 7, as elapsed time', () => {
		expect(hostReminderDueAt(askedAt).toISOString()).toBe(new Date('2026-04-04T23:00:00+09:00').toISOString());
		expect(hostRequestExpiresAt(askedAt).toISOString()).toBe(new Date('2026-04-08T23:00:00+09:00').toISOString());
	});

	it('is expired from the exact moment the week is up, not a millisecond before', () => {
		const expiresAt = hostRequestExpiresAt(askedAt).getTime();
		expect(isHostRequestExpired(askedAt, new Date(expiresAt - 1))).toBe(false);
		expect(isHostRequestExpired(askedAt, new Date(expiresAt))).toBe(true);
		expect(isHostRequestExpired(askedAt, new Date('2026-04-08T09:00:00+09:00'))).toBe(false);
	});

	it('refuses an invalid Date rather than answering NaN', () => {
		expect(() => hostRequestExpiresAt(new Date('nope'))).toThrow(RangeError);
		expect(() => isHostRequestExpired(askedAt, new Date('nope'))).toThrow(RangeError);
	});
});
