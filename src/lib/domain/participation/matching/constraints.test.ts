import { describe, expect, it } from 'vitest';
import { rankOpenings } from './index';
import { HOME, NOW, dateAfter, jst, northOfHome, opening, participant, weekly } from './fixtures';
import type { Opening, Participant } from './types';

/** 'match', the failed constraint of a near miss, or 'none' (fails two or more). */
function verdict(p: Participant, o: Opening): string {
	const r = rankOpenings(p, [o], NOW);
	if (r.matches.length === 1) return 'match';
	return r.nearMisses[0]?.failed ?? 'none';
}

describe('(1) time: an occurrence within 4 weeks wholly inside an availability window, in JST', () => {
	it('matches Thursday 10–12 for someone free Thursday 9–12', () => {
		expect(verdict(participant(), opening())).toBe('match');
	});
	it('accepts an occurrence exactly filling the window', () => {
		expect(verdict(participant(), opening({ occurrences: weekly(4, '09:00', '12:00') }))).toBe('match');
	});
	it('rejects one running past the window’s end, or on another weekday', () => {
		expect(verdict(participant(), opening({ occurrences: weekly(4, '11:00', '12:30') }))).toBe('time');
		expect(verdict(participant(), opening({ occurrences: weekly(5, '10:00', '11:00') }))).toBe('time');
	});
	it('reads weekday and time in JST whatever the instant’s UTC date is', () => {
		// Thursday 08:30 JST is Wednesday 23:30 UTC.
		const p = participant({ availability: [{ weekday: 4, start: '08:00', end: '10:00' }] });
		const thu = dateAfter(3);
		expect(verdict(p, opening({ occurrences: [{ start: jst(thu, '08:30'), end: jst(thu, '09:30') }] }))).toBe('match');
		const wed = dateAfter(2);
		expect(verdict(p, opening({ occurrences: [{ start: jst(wed, '08:30'), end: jst(wed, '09:30') }] }))).toBe('time');
	});
	it('needs a window that holds the whole occurrence, not two windows that touch', () => {
		const p = participant({
			availability: [
				{ weekday: 4, start: '09:00', end: '11:00' },
				{ weekday: 4, start: '11:00', end: '13:00' }
			]
		});
		expect(verdict(p, opening({ occurrences: weekly(4, '10:30', '11:30') }))).toBe('time');
		expect(verdict(p, opening({ occurrences: weekly(4, '11:00', '13:00') }))).toBe('match');
	});
	it('counts only occurrences starting from now and within 28 days', () => {
		const thuBefore = { start: jst('2026-11-19', '10:00'), end: jst('2026-11-19', '11:00') };
		const thuAfter = { start: jst(dateAfter(31), '10:00'), end: jst(dateAfter(31), '11:00') };
		expect(verdict(participant(), opening({ occurrences: [thuBefore, thuAfter] }))).toBe('time');
		const lastThu = { start: jst(dateAfter(24), '10:00'), end: jst(dateAfter(24), '11:00') };
		expect(verdict(participant(), opening({ occurrences: [lastThu] }))).toBe('match');
	});
	it('ignores an occurrence already under way', () => {
		const now = jst(dateAfter(3), '10:30');
		const occurrences = [{ start: jst(dateAfter(3), '10:00'), end: jst(dateAfter(3), '11:00') }];
		expect(rankOpenings(participant(), [opening({ occurrences })], now).matches).toEqual([]);
	});
	it('lets a window end at 24:00 and refuses occurrences past midnight', () => {
		const p = participant({ availability: [{ weekday: 4, start: '20:00', end: '24:00' }] });
		expect(verdict(p, opening({ occurrences: weekly(4, '22:00', '23:59') }))).toBe('match');
		const thu = dateAfter(3);
		const late = [{ start: jst(thu, '23:00'), end: jst(dateAfter(4), '00:30') }];
		expect(verdict(p, opening({ occurrences: late }))).toBe('time');
	});
	it('reports the first fitting occurrence', () => {
		const occurrences = [...weekly(4, '10:00', '11:00')].reverse();
		const [m] = rankOpenings(participant(), [opening({ occurrences })], NOW).matches;
		expect(m.firstFit.start).toEqual(jst(dateAfter(3), '10:00'));
	});
});

describe('(2) capacity', () => {
	it('needs a free place', () => {
		expect(verdict(participant(), opening({ capacity: 3, filled: 2 }))).toBe('match');
		expect(verdict(participant(), opening({ capacity: 3, filled: 3 }))).toBe('capacity');
		expect(verdict(participant(), opening({ capacity: 0, filled: 0 }))).toBe('capacity');
	});
});

describe('(3) eligibility', () => {
	it('overlaps the age band with the opening’s range (30s = 30–39)', () => {
		expect(verdict(participant(), opening({ ageMin: 39, ageMax: 64 }))).toBe('match');
		expect(verdict(participant(), opening({ ageMin: 18, ageMax: 30 }))).toBe('match');
		expect(verdict(participant(), opening({ ageMin: 40, ageMax: null }))).toBe('eligibility');
		expect(verdict(participant(), opening({ ageMin: null, ageMax: 29 }))).toBe('eligibility');
	});
	it('treats 80plus as 80–120', () => {
		const p = participant({ ageBand: '80plus' });
		expect(verdict(p, opening({ ageMin: 65, ageMax: null }))).toBe('match');
		expect(verdict(p, opening({ ageMin: 110, ageMax: null }))).toBe('match');
		expect(verdict(p, opening({ ageMin: 121, ageMax: null }))).toBe('eligibility');
		expect(verdict(p, opening({ ageMin: null, ageMax: 79 }))).toBe('eligibility');
	});
	it('needs a shared target group unless the opening is for anyone (or says nothing)', () => {
		expect(verdict(participant(), opening({ targetGroups: ['youth', 'hikikomori'] }))).toBe('match');
		expect(verdict(participant(), opening({ targetGroups: ['elderly'] }))).toBe('eligibility');
		expect(verdict(participant(), opening({ targetGroups: ['elderly', 'anyone'] }))).toBe('match');
		expect(verdict(participant(), opening({ targetGroups: [] }))).toBe('match');
		expect(verdict(participant({ targetGroups: [] }), opening({ targetGroups: ['youth'] }))).toBe('eligibility');
	});
});

describe('(4) accommodations', () => {
	it('needs every required accommodation offered', () => {
		const p = participant({ requiredAccommodations: ['observe_ok', 'short_time_ok'] });
		expect(verdict(p, opening({ accommodations: ['observe_ok', 'short_time_ok', 'quiet'] }))).toBe('match');
		expect(verdict(p, opening({ accommodations: ['observe_ok'] }))).toBe('accommodations');
	});
	it('requires companion_ok when the first visit needs a companion', () => {
		const p = participant({ needsCompanionFirstVisit: true });
		expect(verdict(p, opening({ accommodations: ['observe_ok'] }))).toBe('accommodations');
		expect(verdict(p, opening({ accommodations: ['companion_ok'] }))).toBe('match');
	});
	it('is satisfied for pickup only by pickup, however close the place', () => {
		const p = participant({ requiredAccommodations: ['pickup'] });
		expect(verdict(p, opening({ location: northOfHome(0.1), accommodations: ['travel_expenses'] }))).toBe('accommodations');
		expect(verdict(p, opening({ accommodations: ['pickup'] }))).toBe('match');
	});
});

describe('(5) travel', () => {
	// 1 km straight is 1.3 km by road: 16.25 min on foot, 6.5 by bicycle, 14.33 by bus (4.33 + 10 wait).
	it('walks 1.3 km of road in 17 minutes (rounded up)', () => {
		const [m] = rankOpenings(participant(), [opening({ location: northOfHome(1) })], NOW).matches;
		expect(m.travel).toEqual({ mode: 'walk', minutes: 17 });
		expect(verdict(participant({ maxMinutes: 16 }), opening({ location: northOfHome(1) }))).toBe('travel');
	});
	it('uses the fastest of the person’s modes', () => {
		const p = participant({ modes: ['walk', 'bicycle'], maxMinutes: 10 });
		const [m] = rankOpenings(p, [opening({ location: northOfHome(1) })], NOW).matches;
		expect(m.travel).toEqual({ mode: 'bicycle', minutes: 7 });
	});
	it('adds 10 minutes of waiting to a bus trip', () => {
		const p = participant({ modes: ['bus'], maxMinutes: 14 });
		expect(verdict(p, opening({ location: northOfHome(1) }))).toBe('travel');
		expect(verdict({ ...p, maxMinutes: 15 }, opening({ location: northOfHome(1) }))).toBe('match');
		expect(verdict({ ...p, maxMinutes: 9 }, opening({ location: northOfHome(0.01) }))).toBe('travel');
	});
	it('lets a host’s pickup relax travel for everyone', () => {
		const o = opening({ location: northOfHome(20), accommodations: ['pickup'] });
		expect(verdict(participant(), o)).toBe('match');
		expect(rankOpenings(participant(), [o], NOW).matches[0].travel?.mode).toBe('pickup');
	});
	it('makes someone who must be collected depend on a pickup, even at an unknown distance', () => {
		const p = participant({ modes: ['pickup_needed'] });
		expect(verdict(p, opening({ location: northOfHome(0.1) }))).toBe('travel');
		expect(verdict(p, opening({ location: null }))).toBe('travel');
		expect(verdict(p, opening({ location: northOfHome(30), accommodations: ['pickup'] }))).toBe('match');
	});
	it('treats a missing location as unknown travel: satisfied, and said so', () => {
		for (const [home, location] of [
			[null, northOfHome(30)],
			[HOME, null]
		] as const) {
			const [m] = rankOpenings(participant({ home }), [opening({ location })], NOW).matches;
			expect(m.travel).toBeNull();
			expect(m.reasons).toContain('距離は不明');
		}
	});
	it('assumes walking when no mode is recorded', () => {
		expect(verdict(participant({ modes: [] }), opening({ location: northOfHome(1) }))).toBe('match');
		expect(verdict(participant({ modes: [] }), opening({ location: northOfHome(2) }))).toBe('travel');
	});
});

describe('near misses', () => {
	it('are openings failing exactly one constraint; two failures are neither match nor near miss', () => {
		const r = rankOpenings(participant(), [opening({ filled: 3, ageMin: 65 })], NOW);
		expect(r).toEqual({ matches: [], nearMisses: [] });
	});
});
