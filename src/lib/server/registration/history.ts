/** A listing's history (who, when, how, before → after), under the caller's claims. */
import type { Tx } from '../platform/db/types';
import { displayNames } from './organizations';

export interface HistoryEntry {
	id: number;
	entity: 'place' | 'location' | 'activity' | 'opening';
	entityId: string;
	action: 'insert' | 'update' | 'delete';
	actorName: string | null;
	via: string | null;
	before: Record<string, unknown> | null;
	after: Record<string, unknown> | null;
	at: Date;
}

export async function placeHistory(tx: Tx, placeId: string, limit = 200): Promise<HistoryEntry[]> {
	const rows = await tx.query<Omit<HistoryEntry, 'actorName'> & { actor: string | null }>(
		`select id::int as id, entity, entity_id as "entityId", action, actor, via, before, after, at
		 from public.place_history where place_id = $1 order by at desc, id desc limit $2`,
		[placeId, limit]
	);
	const names = await displayNames(
		tx,
		rows.map((r) => r.actor)
	);
	return rows.map(({ actor, ...r }) => ({ ...r, actorName: actor ? (names.get(actor) ?? '—') : null }));
}

/** The last change to a listing: when and by whom (for a conflict message). */
export async function lastChange(tx: Tx, placeId: string): Promise<{ at: Date; name: string | null } | null> {
	const [row] = await tx.query<{ at: Date; actor: string | null }>(
		`select at, actor from public.place_history where place_id = $1 order by at desc, id desc limit 1`,
		[placeId]
	);
	if (!row) return null;
	const names = await displayNames(tx, [row.actor]);
	return { at: row.at, name: row.actor ? (names.get(row.actor) ?? null) : null };
}
