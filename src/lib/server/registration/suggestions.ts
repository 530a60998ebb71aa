/**
 * Resident 「情報提供」. Residents have no account; public.submit_suggestion is their one write
 * (anon claims), rate limited per client key and per municipality inside the database.
 */
import type { Tx } from '../platform/db/types';

export interface SuggestionValues {
	id: string;
	municipality_id: string;
	place_id: string;
	kind: string;
	place_name: string;
	location_text: string;
	body: string;
	contact: string;
}

export type SuggestionResult = 'accepted' | 'duplicate' | 'rate_limited';

export async function submitSuggestion(tx: Tx, v: SuggestionValues, clientKey: string): Promise<SuggestionResult> {
	const [{ result }] = await tx.query<{ result: SuggestionResult }>(
		'select public.submit_suggestion($1, $2, $3, $4, $5, $6, $7, $8, $9) as result',
		[v.id, v.municipality_id, v.place_id || null, v.kind, v.place_name, v.location_text, v.body, v.contact, clientKey]
	);
	return result;
}

/** The published place a suggestion is about, as residents see it (anon). */
export async function suggestionTarget(tx: Tx, placeId: string): Promise<{ id: string; name: string; municipalityId: string } | null> {
	const [row] = await tx.query<{ id: string; name: string; municipalityId: string }>(
		`select id, name, municipality_id as "municipalityId" from public.places where id = $1 and status = 'published'`,
		[placeId]
	);
	return row ?? null;
}

export interface Suggestion {
	id: string;
	kind: 'missing' | 'wrong' | 'closed';
	placeId: string | null;
	placeName: string | null;
	listedName: string | null;
	locationText: string | null;
	body: string;
	contact: string | null;
	status: 'new' | 'done' | 'dismissed';
	staffNote: string | null;
	createdAt: Date;
	handledAt: Date | null;
}

const SELECT = `
	select s.id, s.kind, s.place_id as "placeId", s.place_name as "placeName", p.name as "listedName",
	  s.location_text as "locationText", s.body, s.contact, s.status, s.staff_note as "staffNote",
	  s.created_at as "createdAt", s.handled_at as "handledAt"
	from public.suggestions s left join public.places p on p.id = s.place_id`;

export async function openSuggestions(tx: Tx): Promise<Suggestion[]> {
	return tx.query<Suggestion>(`${SELECT} where s.status = 'new' order by s.created_at limit 200`);
}

export async function getSuggestion(tx: Tx, id: string): Promise<Suggestion | null> {
	const [row] = await tx.query<Suggestion>(`${SELECT} where s.id = $1`, [id]);
	return row ?? null;
}

export async function handleSuggestion(tx: Tx, id: string, status: 'done' | 'dismissed' | 'new', note: string | null): Promise<boolean> {
	return (
		(await tx.query('update public.suggestions set status = $2, staff_note = $3 where id = $1 returning id', [id, status, note])).length > 0
	);
}

/** The municipalities a resident may write to (all of them on this install). */
export async function suggestionMunicipalities(tx: Tx): Promise<{ id: string; name: string }[]> {
	return tx.query(`select id, prefecture || name as name from public.municipalities order by code`);
}
