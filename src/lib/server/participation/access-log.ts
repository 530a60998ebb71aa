/**
 * Reads of participant records are written to casework.access_log in the same transaction as
 * the read (ARCHITECTURE §6.12); changes are logged by triggers. Call this right after a select
 * that returned participant data, with the rows it returned.
 */
import type { Tx } from '../db/types';

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
