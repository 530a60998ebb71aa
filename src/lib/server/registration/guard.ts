/**
 * The place pages' one guard, in the order a reader expects: a place the caller cannot see is
 * 404 (RLS hides it, so nobody learns it exists); one they see but may not work on is 403.
 * The uuid check comes before it, in the route (uuidParam), so a malformed id asks nothing.
 */
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import type { Tx } from '../platform/db/types';
import { canWorkOn, getPlaceRecord, type PlaceRecord } from './places';

export async function placeToWorkOn(tx: Tx, placeId: string): Promise<PlaceRecord> {
	const listing = await getPlaceRecord(tx, placeId);
	if (!listing) error(404);
	if (!(await canWorkOn(tx, placeId))) error(403, m.reg_forbidden());
	return listing;
}
