/**
 * Saving an activity from its form: directly (drafts, trusted organisations, moderators) or as
 * a change request (published listings); then the expanded dates are refreshed.
 */
import { activityDisplay } from '$lib/domain/registration/display';
import { diffDisplays, type FieldDiff } from '$lib/domain/registration/diff';
import type { ActivityFields } from '$lib/domain/registration/place-values';
import type { Tx } from '../platform/db/types';
import { lastChange } from './history';
import {
	activitiesOfPlace,
	canEditDirectly,
	deleteActivity,
	getPlaceRecord,
	insertActivity,
	isModeratorOf,
	updateActivity
} from './places';
import { pendingRequest, proposeActivityChange } from './moderation';

export type ActivityOutcome =
	| { kind: 'saved' | 'requested' | 'unchanged' | 'removed'; refresh: string[] }
	| { kind: 'not_found' }
	| { kind: 'conflict'; rows: FieldDiff[]; version: number; requestId: string; savedAt: Date | null; savedBy: string | null };

type Form = ActivityFields & { id: string; version: number; request_id: string };

export async function saveActivity(tx: Tx, placeId: string, existing: boolean, f: Form, locale: 'ja' | 'en'): Promise<ActivityOutcome> {
	const listing = await getPlaceRecord(tx, placeId);
	if (!listing) return { kind: 'not_found' };
	const current = existing ? (await activitiesOfPlace(tx, placeId)).find((a) => a.id === f.id) : undefined;
	if (existing && !current) return { kind: 'not_found' };
	if (await canEditDirectly(tx, placeId)) {
		const via = (await isModeratorOf(tx, listing.meta.municipalityId))
			? 'moderator'
			: listing.meta.status === 'published'
				? 'trusted'
				: 'form';
		if (!existing) {
			await insertActivity(tx, placeId, f.id, f);
			return { kind: 'saved', refresh: [f.id] };
		}
		const saved = await updateActivity(tx, f.id, f.version, f, via);
		if (saved.ok) return { kind: 'saved', refresh: [f.id] };
		const last = await lastChange(tx, placeId);
		return {
			kind: 'conflict',
			rows: diffDisplays(activityDisplay(current!.fields, locale), activityDisplay(f, locale)),
			version: current!.version,
			requestId: '',
			savedAt: last?.at ?? null,
			savedBy: last?.name ?? null
		};
	}
	const action = existing ? 'update' : 'create';
	const filed = await proposeActivityChange(
		tx,
		placeId,
		action,
		existing ? f.id : null,
		{ requestId: f.request_id || null, version: f.version },
		{ ...f }
	);
	if (filed.ok) return { kind: filed.unchanged ? 'unchanged' : 'requested', refresh: [] };
	if (filed.reason === 'not_found') return { kind: 'not_found' };
	const pending = await pendingRequest(tx, placeId, 'activity', existing ? f.id : null);
	const theirs = (pending?.proposed as ActivityFields | null) ?? current?.fields ?? null;
	return {
		kind: 'conflict',
		rows: diffDisplays(theirs && activityDisplay(theirs, locale), activityDisplay(f, locale)),
		version: pending?.version ?? current?.version ?? 0,
		requestId: pending?.id ?? '',
		savedAt: pending?.createdAt ?? null,
		savedBy: null
	};
}

export async function removeActivity(tx: Tx, placeId: string, id: string, version: number): Promise<ActivityOutcome> {
	const current = (await activitiesOfPlace(tx, placeId)).find((a) => a.id === id);
	if (!current) return { kind: 'not_found' };
	if (await canEditDirectly(tx, placeId)) {
		await deleteActivity(tx, id, 'form');
		return { kind: 'removed', refresh: [] };
	}
	const filed = await proposeActivityChange(tx, placeId, 'delete', id, { requestId: null, version }, null);
	return filed.ok ? { kind: 'requested', refresh: [] } : { kind: 'not_found' };
}
