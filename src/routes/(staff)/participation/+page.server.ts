import { todayJst } from '$lib/domain/shared/schedule/jst';
import { PARTICIPANT_PAGE_SIZE, listParticipants } from '$lib/server/participation/participants';
import { pageParam } from '$lib/server/platform/http';
import { followUpsDue, openRequests } from '$lib/server/participation/placements';
import { requireCoordinator } from '$lib/server/participation/guard';
import type { PageServerLoad } from './$types';

/** A week ahead: a placement that starts today shows its 1-week follow-up at once. */
const FOLLOW_UP_LIST_DAYS = 7;

/** The coordinator's day: follow-ups due, requests to hosts, and everyone on the list. */
export const load: PageServerLoad = async (event) => {
	const { locals, url } = event;
	await requireCoordinator(event);
	const today = todayJst(new Date());
	const page = pageParam(url);
	return locals.db(async (tx) => ({
		today,
		followUps: await followUpsDue(tx, today, FOLLOW_UP_LIST_DAYS),
		requests: await openRequests(tx),
		...(await listParticipants(tx, page)),
		page,
		pageSize: PARTICIPANT_PAGE_SIZE
	}));
};
