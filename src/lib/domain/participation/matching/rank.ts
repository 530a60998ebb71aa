/**
 * Ranked suggestions for one participant (which openings fit?) and for one opening (who fits?).
 * Both views use the same pair evaluation, so a pair is a match from either side or from neither.
 * Ids are assumed unique; equal scores are ordered by id, so the input order never shows.
 */
import {
	compileOpening,
	compileOpeningInto,
	compileOpeningWithSlots,
	compileParticipant,
	popcount,
	slotsOf,
	type CompiledOpening,
	type CompiledParticipant
} from './compile';
import { constraintOf, failures, firstFit, pairKm } from './constraints';
import { explainMatch, explainNearMiss } from './explain';
import { certainFailures } from './screen';
import { scorePair } from './score';
import type { Match, NearMiss, Opening, Participant, ParticipantMatch, ParticipantNearMiss, RankOptions } from './types';

interface Scored {
	other: string;
	score: number;
	p: CompiledParticipant;
	o: CompiledOpening;
	km: number;
	failMask: number;
}

/** Best first; equal scores by id (code-unit order, not locale: the same on every machine). */
function compare(aScore: number, aId: string, bScore: number, bId: string): number {
	return bScore - aScore || (aId < bId ? -1 : aId > bId ? 1 : 0);
}

const byScoreThenId = (a: Scored, b: Scored): number => compare(a.score, a.other, b.score, b.other);

/**
 * The best `limit` items by byScoreThenId, kept while they are added rather than after: holding
 * (and first building) every candidate of a 10,000-opening call made the garbage collector copy
 * and promote thousands of objects per call. Stable, so it equals sorting everything and slicing.
 */
class Best {
	private readonly k: number;
	private readonly items: Scored[] = [];
	/** After a trim, the k-th best so far: an item that does not beat it can never make the top k. */
	private bar: Scored | null = null;

	constructor(limit: number | undefined) {
		this.k = limit === undefined || Number.isNaN(limit) ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(limit));
	}

	/** Whether an item with this score and id could still make the top k: ask before building it. */
	admits(score: number, id: string): boolean {
		return this.k > 0 && (this.bar === null || compare(score, id, this.bar.score, this.bar.other) < 0);
	}

	/** An item that admits() let in. */
	add(item: Scored): void {
		this.items.push(item);
		// Trimming at 2k (+ slack) sorts O(k) items once per k added: O(log k) per item.
		if (this.items.length >= 2 * this.k + 32) this.trim();
	}

	list(): Scored[] {
		this.trim();
		return this.items;
	}

	private trim(): void {
		this.items.sort(byScoreThenId);
		if (this.items.length >= this.k && this.k > 0) {
			this.items.length = this.k;
			this.bar = this.items[this.k - 1];
		}
	}
}

/**
 * Pairs are added one by one (a plain method call, not a generator: this runs for thousands of
 * pairs per call, and a yielded tuple per pair is measurable there), then reported.
 */
class PairEvaluation {
	private readonly matches: Best;
	private readonly near: Best;
	private readonly words: { locale?: RankOptions['locale'] };

	constructor(opts: RankOptions) {
		this.words = { locale: opts.locale };
		this.matches = new Best(opts.limit);
		this.near = new Best(opts.nearMissLimit ?? opts.limit);
	}

	/** Whether the pair was kept (for now): the result then refers to `p` and `o`. */
	add(p: CompiledParticipant, o: CompiledOpening, other: string): boolean {
		const failMask = failures(p, o, 2);
		if (popcount(failMask) > 1) return false;
		const km = pairKm(p, o);
		const score = scorePair(p, o, km);
		const best = failMask === 0 ? this.matches : this.near;
		if (!best.admits(score, other)) return false;
		best.add({ other, score, p, o, km, failMask });
		return true;
	}

	results() {
		return {
			matches: this.matches.list().map((s) => {
				const fit = firstFit(s.p, s.o);
				const { reasons, sentence, cautions, travel } = explainMatch(s.p, s.o, fit, s.km, this.words);
				return { id: s.other, score: s.score, reasons, sentence, cautions, firstFit: s.o.src.occurrences[slotsOf(s.o)[fit + 2]], travel };
			}),
			nearMisses: this.near.list().map((s) => {
				const failed = constraintOf(s.failMask)!;
				return { id: s.other, failed, reason: explainNearMiss(s.p, s.o, failed, s.km, this.words), score: s.score };
			})
		};
	}
}

/**
 * Openings compiled once (masks, radians, JST occurrence windows) for ranking many participants,
 * at any `now`: the 4-week horizon is applied per query. Compile again when the openings change
 * (filled, occurrences …).
 */
export interface PreparedOpenings {
	readonly list: readonly CompiledOpening[];
}

export function prepareOpenings(openings: readonly Opening[]): PreparedOpenings {
	return { list: openings.map(compileOpeningWithSlots) };
}

/** Which openings fit this participant, best first, and which miss by exactly one constraint. */
export function rankOpenings(
	participant: Participant,
	openings: readonly Opening[] | PreparedOpenings,
	now: Date,
	opts: RankOptions = {}
): { matches: Match[]; nearMisses: NearMiss[] } {
	const p = compileParticipant(participant, now.getTime());
	const pairs = new PairEvaluation(opts);
	if ('list' in openings) {
		for (const o of openings.list) pairs.add(p, o, o.id);
	} else {
		// Compile only what may be a match or a near miss (see screen.ts), into one record reused
		// until a pair keeps it (see compileOpeningInto).
		let record: CompiledOpening | null = null;
		for (const o of openings) {
			if (certainFailures(p, o, 2) >= 2) continue;
			record = record === null ? compileOpening(o) : compileOpeningInto(record, o);
			if (pairs.add(p, record, o.id)) record = null;
		}
	}
	const { matches, nearMisses } = pairs.results();
	return {
		matches: matches.map(({ id, ...rest }) => ({ openingId: id, ...rest })),
		nearMisses: nearMisses.map(({ id, ...rest }) => ({ openingId: id, ...rest }))
	};
}

/** The reverse view for a host's opening: which participants fit it, under the same rules. */
export function rankParticipants(
	opening: Opening,
	participants: readonly Participant[],
	now: Date,
	opts: RankOptions = {}
): { matches: ParticipantMatch[]; nearMisses: ParticipantNearMiss[] } {
	const o = compileOpeningWithSlots(opening);
	const pairs = new PairEvaluation(opts);
	for (const p of participants) pairs.add(compileParticipant(p, now.getTime()), o, p.id);
	const { matches, nearMisses } = pairs.results();
	return {
		matches: matches.map(({ id, ...rest }) => ({ participantId: id, ...rest })),
		nearMisses: nearMisses.map(({ id, ...rest }) => ({ participantId: id, ...rest }))
	};
}
