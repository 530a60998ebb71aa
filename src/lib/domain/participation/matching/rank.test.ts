import { describe, expect, it } from 'vitest';
import { SCORE_WEIGHTS, prepareOpenings, rankOpenings, rankParticipants } from './index';
import { NOW, northOfHome, opening, participant, weekly } from './fixtures';

describe('the issue’s scenario: 30代, ひきこもり経験, 木曜午前のみ, 徒歩20分以内, quiet, companion first', () => {
	const person = participant({
		id: 'p-hikikomori',
		ageBand: '30s',
		targetGroups: ['hikikomori'],
		interests: ['books', 'crafts'],
		goals: ['ibasho'],
		availability: [{ weekday: 4, start: '09:00', end: '12:00' }],
		modes: ['walk'],
		maxMinutes: 20,
		preferences: ['quiet'],
		needsCompanionFirstVisit: true
	});
	const openings = [
		opening({
			id: 'library-corner',
			title: '図書室の居場所',
			occurrences: weekly(4, '10:00', '11:30'),
			location: northOfHome(0.7),
			accommodations: ['companion_ok', 'quiet', 'observe_ok', 'no_talking_ok'],
			targetGroups: ['hikikomori', 'youth'],
			ageMin: 15,
			ageMax: 39,
			tags: ['books'],
			groupSize: 'small'
		}),
		opening({
			id: 'craft-salon',
			title: '手しごとサロン',
			occurrences: weekly(4, '09:30', '11:30'),
			location: northOfHome(1.1),
			accommodations: ['companion_ok', 'solo_ok'],
			targetGroups: ['anyone'],
			tags: ['crafts'],
			goals: ['friends'],
			groupSize: 'medium'
		}),
		opening({
			id: 'friday-farm',
			title: '金曜の畑',
			occurrences: weekly(5, '09:00', '11:00'),
			accommodations: ['companion_ok', 'quiet'],
			tags: ['farming']
		}),
		opening({ id: 'big-festival', occurrences: weekly(4, '10:00', '12:00'), accommodations: ['observe_ok'], filled: 3 })
	];
	const result = rankOpenings(person, openings, NOW);

	it('ranks the fitting openings with Japanese reasons', () => {
		expect(result.matches.map((m) => m.openingId)).toEqual(['library-corner', 'craft-salon']);
		expect(result.matches[0].sentence).toBe('木曜午前に合う・徒歩12分・同伴可・少人数・静かな環境・本が好き・目標：居場所');
		expect(result.matches[1].sentence).toBe('木曜午前に合う・徒歩18分・同伴可・ものづくりが好き');
		expect(result.matches[0].travel).toEqual({ mode: 'walk', minutes: 12 });
		expect(result.matches[0].score).toBeGreaterThan(result.matches[1].score);
	});
	it('shows the Friday-only opening as a near miss 「時間が合わない（金曜のみ）」', () => {
		expect(result.nearMisses).toContainEqual(
			expect.objectContaining({ openingId: 'friday-farm', failed: 'time', reason: '時間が合わない（金曜のみ）' })
		);
	});
	it('leaves out what fails two constraints (full, and no companion allowed)', () => {
		expect(result.nearMisses.map((n) => n.openingId)).toEqual(['friday-farm']);
	});
});

describe('ranking', () => {
	it('scores within 0–100, with weights summing to 100', () => {
		expect(Object.values(SCORE_WEIGHTS).reduce((a, b) => a + b, 0)).toBe(100);
		const [m] = rankOpenings(participant(), [opening()], NOW).matches;
		expect(m.score).toBeGreaterThan(0);
		expect(m.score).toBeLessThanOrEqual(100);
	});
	it('prefers shared interests and goals', () => {
		const r = rankOpenings(participant(), [opening({ id: 'a', tags: ['sports'], goals: ['work_prep'] }), opening({ id: 'b' })], NOW);
		expect(r.matches.map((m) => m.openingId)).toEqual(['b', 'a']);
	});
	it('prefers the closer one', () => {
		const r = rankOpenings(
			participant(),
			[opening({ id: 'a', location: northOfHome(1) }), opening({ id: 'b', location: northOfHome(0.2) })],
			NOW
		);
		expect(r.matches.map((m) => m.openingId)).toEqual(['b', 'a']);
	});
	it('puts an opening declined before lower, and a known organisation a little below a new one', () => {
		const p = participant({ declinedOpeningIds: ['a'], pastOrganizationIds: ['org-known'] });
		const r = rankOpenings(
			p,
			[opening({ id: 'a' }), opening({ id: 'b', organizationId: 'org-known' }), opening({ id: 'c', organizationId: 'org-new' })],
			NOW
		);
		expect(r.matches.map((m) => m.openingId)).toEqual(['c', 'b', 'a']);
		expect(r.matches[0].score - r.matches[1].score).toBeCloseTo(0.3 * SCORE_WEIGHTS.novelty);
	});
	it('prefers a host who replies faster', () => {
		const r = rankOpenings(
			participant(),
			[opening({ id: 'a', hostMedianReplyHours: 72 }), opening({ id: 'b', hostMedianReplyHours: 2 })],
			NOW
		);
		expect(r.matches.map((m) => m.openingId)).toEqual(['b', 'a']);
	});
	it('prefers a small group for someone who wants small or quiet, and is indifferent otherwise', () => {
		const openings = [opening({ id: 'a', groupSize: 'large' }), opening({ id: 'b', groupSize: 'small' })];
		expect(rankOpenings(participant({ preferences: ['small_group'] }), openings, NOW).matches.map((m) => m.openingId)).toEqual(['b', 'a']);
		const [x, y] = rankOpenings(participant(), openings, NOW).matches;
		expect(x.score).toBe(y.score);
	});
	it('breaks ties by opening id', () => {
		const r = rankOpenings(participant(), [opening({ id: 'c' }), opening({ id: 'a' }), opening({ id: 'b' })], NOW);
		expect(r.matches.map((m) => m.openingId)).toEqual(['a', 'b', 'c']);
	});
	it('returns at most `limit` matches and `nearMissLimit` near misses', () => {
		const openings = ['a', 'b', 'c', 'd'].flatMap((id) => [opening({ id }), opening({ id: `${id}-full`, filled: 3 })]);
		const r = rankOpenings(participant(), openings, NOW, { limit: 2 });
		expect(r.matches.map((m) => m.openingId)).toEqual(['a', 'b']);
		expect(r.nearMisses.map((m) => m.openingId)).toEqual(['a-full', 'b-full']);
		expect(rankOpenings(participant(), openings, NOW, { limit: 1, nearMissLimit: 3 }).nearMisses).toHaveLength(3);
	});
	it('gives the same answer from prepared openings, at any now', () => {
		const openings = [opening({ id: 'a' }), opening({ id: 'b', filled: 3 }), opening({ id: 'c', location: northOfHome(3) })];
		const prepared = prepareOpenings(openings);
		expect(rankOpenings(participant(), prepared, NOW)).toEqual(rankOpenings(participant(), openings, NOW));
		const later = new Date(NOW.getTime() + 20 * 86_400_000);
		expect(rankOpenings(participant(), prepared, later)).toEqual(rankOpenings(participant(), openings, later));
	});
});

describe('rankParticipants (the host’s view)', () => {
	it('finds who fits an opening, under the same rules and with the same explanations', () => {
		const o = opening();
		const people = [
			participant({ id: 'far', home: northOfHome(3) }),
			participant({ id: 'near' }),
			participant({ id: 'elderly', ageBand: '70s', targetGroups: ['elderly'] }),
			participant({ id: 'friday', availability: [{ weekday: 5, start: '09:00', end: '12:00' }] })
		];
		const r = rankParticipants(o, people, NOW);
		expect(r.matches.map((m) => m.participantId)).toEqual(['elderly', 'near']);
		expect(r.matches[1].sentence).toBe(rankOpenings(people[1], [o], NOW).matches[0].sentence);
		expect(r.nearMisses.map((m) => [m.participantId, m.failed])).toEqual([
			['friday', 'time'],
			['far', 'travel']
		]);
	});
});
