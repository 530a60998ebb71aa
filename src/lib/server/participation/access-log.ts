/**
 * Reads of participant records are written to casework.access_log in the same transaction as
 * the read (ARCHITECTURE §6.12); changes are logged by triggers. Call this right after a select
 * that returned participant data, with the rows it returned.
 */
import type { Tx } from '../platform/db/types';

export type ReadAction = 'view' | 'list' | 'export';
export type RecordType = 'participant' | 'participant_name' | 'placement' | 'follow_up' | 'numbers';

export interface LoggedRecord {
	id: string | null;
	municipalityId: string;
	participantId: string | null;
}

export async function logReads(tx: Tx, action: ReadAction, recordType: RecordType, records: readonly LoggedRecord[]): Promise<void> {
	if (records.length === 0) return;
	await tx.query(
		`insert into casework.access_log (municipality_id, action, record_type, record_id, participant_id)
		 select m, $1, $2, r, p from unnest($3::uuid[], $4::uuid[], $5::uuid[]) as t(m, r, p)`,
		[action, recordType, records.map((r) => r.municipalityId), records.map((r) => r.id), records.map((r) => r.participantId)]
	);
}

export interface TrailEntry {
	at: Date;
	actorName: string | null;
	actorKind: 'user' | 'host_link' | 'system';
	action: string;
	recordType: string;
}

/**
 * Who looked at or changed this participant's records, newest first: for the assigned
 * coordinators (and tenant admins); RLS shows the trail to nobody else.
 */
export async function participantTrail(tx: Tx, participantId: string, limit = 50): Promise<TrailEntry[]> {
	const rows = await tx.query<TrailEntry & { actorId: string | null }>(
		`select at, actor_id as "actorId", actor_kind as "actorKind", action, record_type as "recordType"
		 from casework.access_log where participant_id = $1 order by at desc, id desc limit $2`,
		[participantId, limit]
	);
	const ids = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
	const names = new Map(
		ids.length
			? (await tx.query<{ id: string; name: string }>('select id, name from public.display_names($1::uuid[])', [ids])).map((n) => [
					n.id,
					n.name
				])
			: []
	);
	return rows.map(({ actorId, ...r }) => ({ ...r, actorName: actorId ? (names.get(actorId) ?? null) : null }));
}
