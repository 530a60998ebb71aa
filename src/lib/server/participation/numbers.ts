/**
 * The rows the numbers page and its CSV are computed from (the computing is the domain's
 * participationNumbers). Reading them is a read of every participant record: it is logged once,
 * as 'numbers', not per person — the figures disclose no one.
 */
import type { NumbersInput } from '$lib/domain/participation';
import type { Tx } from '../platform/db/types';
import { logReads } from './access-log';

export async function numbersInput(tx: Tx, municipalityId: string, action: 'view' | 'export'): Promise<NumbersInput> {
	const participants = await tx.query<NumbersInput['participants'][number]>(
		`select id, area_id as "areaId", registered_on as "registeredOn" from casework.participants where municipality_id = $1`,
		[municipalityId]
	);
	const placements = await tx.query<NumbersInput['placements'][number]>(
		`select participant_id as "participantId", status, asked_at as "askedAt", host_replied_at as "hostRepliedAt",
		        started_on as "startedOn", ended_on as "endedOn", end_reason as "endReason"
		 from casework.placements where municipality_id = $1`,
		[municipalityId]
	);
	// Areas as a coordinator reports them: the 圏域 and 地区 first, then the smaller units.
	const areas = await tx.query<{ id: string; name: string }>(
		`select a.id, a.name from public.areas a where a.municipality_id = $1
		   and exists (select 1 from casework.participants p where p.area_id = a.id)
		 order by array_position(array['sphere','district','school_district','neighborhood','chome']::text[], a.kind::text), a.name`,
		[municipalityId]
	);
	await logReads(tx, action, 'numbers', [{ id: null, municipalityId, participantId: null }]);
	return { participants, placements, areas };
}
