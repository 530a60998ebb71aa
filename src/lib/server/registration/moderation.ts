/**
 * The moderation queue: organisations file requests (publish a new listing, change a
 * published one), the municipality's moderators approve them or send them back with a
 * reason. Approval applies only the fields the organisation changed (base → proposed), so a
 * request made against an older version does not undo changes made since; the moderator
 * sees which fields moved meanwhile.
 */
import { changedKeys } from '$lib/domain/registration/diff';
import { ACTIVITY_FIELDS, PLACE_FIELDS, type ActivityFields, type PlaceFields } from '$lib/domain/registration/place-values';
import type { Tx } from '../platform/db/types';
import {
	activitiesOfPlace,
	deleteActivity,
	getPlaceRecord,
	insertActivity,
	setVia,
	updateActivity,
	updatePlace,
	type Saved
} from './places';
import { displayNames } from './organizations';

export type RequestKind = 'new_listing' | 'place' | 'activity';
export type RequestAction = 'create' | 'update' | 'delete';
export type RequestStatus = 'pending' | 'approved' | 'returned' | 'withdrawn';

export interface ChangeRequest {
	id: string;
	placeId: string;
	organizationId: string;
	municipalityId: string;
	kind: RequestKind;
	action: RequestAction;
	activityId: string | null;
	baseVersion: number | null;
	base: PlaceFields | ActivityFields | null;
	proposed: (PlaceFields | (ActivityFields & { id?: string })) | null;
	note: string | null;
	status: RequestStatus;
	reason: string | null;
	version: number;
	createdBy: string | null;
	createdAt: Date;
	decidedBy: string | null;
	decidedAt: Date | null;
}

const REQUEST_SELECT = `
	select c.id, c.place_id as "placeId", c.organization_id as "organizationId", c.municipality_id as "municipalityId",
	  c.kind, c.action, c.activity_id as "activityId", c.base_version as "baseVersion", c.base, c.proposed, c.note, c.status,
	  c.reason, c.version, c.created_by as "createdBy", c.created_at as "createdAt", c.decided_by as "decidedBy",
	  c.decided_at as "decidedAt"
	from public.change_requests c`;

export async function getRequest(tx: Tx, id: string): Promise<ChangeRequest | null> {
	const [row] = await tx.query<ChangeRequest>(`${REQUEST_SELECT} where c.id = $1`, [id]);
	return row ?? null;
}

export async function requestsOfPlace(tx: Tx, placeId: string): Promise<ChangeRequest[]> {
	return tx.query<ChangeRequest>(`${REQUEST_SELECT} where c.place_id = $1 order by c.created_at desc limit 50`, [placeId]);
}

export async function pendingRequest(tx: Tx, placeId: string, kind: RequestKind, activityId: string | null): Promise<ChangeRequest | null> {
	const [row] = await tx.query<ChangeRequest>(
		`${REQUEST_SELECT} where c.place_id = $1 and c.kind = $2 and c.activity_id is not distinct from $3::uuid and c.status = 'pending'`,
		[placeId, kind, activityId]
	);
	return row ?? null;
}

// ── filing ─────────────────────────────────────────────────────────────────────────────────

/** Sends a draft for review: status 'submitted' and a new_listing request, in one transaction. */
export async function submitListing(tx: Tx, placeId: string, note: string | null): Promise<'submitted' | 'already' | 'not_draft'> {
	const [p] = await tx.query<{ status: string; organization_id: string; municipality_id: string; version: number }>(
		'select status::text as status, organization_id, municipality_id, version from public.places where id = $1',
		[placeId]
	);
	if (!p) return 'not_draft';
	if (p.status === 'submitted') return 'already';
	if (p.status !== 'draft') return 'not_draft';
	await setVia(tx, 'submission');
	await tx.query(`update public.places set status = 'submitted' where id = $1`, [placeId]);
	await tx.query(
		`insert into public.change_requests (place_id, organization_id, municipality_id, kind, action, base_version, note)
		 values ($1, $2, $3, 'new_listing', 'update', $4, $5)`,
		[placeId, p.organization_id, p.municipality_id, p.version + 1, note]
	);
	return 'submitted';
}

/** Takes a submitted listing back to draft (the organisation wants to change it first). */
export async function withdrawSubmission(tx: Tx, placeId: string): Promise<boolean> {
	const rows = await tx.query(
		`update public.change_requests set status = 'withdrawn' where place_id = $1 and kind = 'new_listing' and status = 'pending' returning id`,
		[placeId]
	);
	await setVia(tx, 'submission');
	await tx.query(`update public.places set status = 'draft' where id = $1 and status = 'submitted'`, [placeId]);
	return rows.length > 0;
}

export type Proposed = { ok: true; requestId: string; unchanged?: boolean } | { ok: false; reason: 'conflict' | 'not_found' };

/**
 * A change to a published listing's fields, as a request. `requestId`/`version` say what the
 * editor started from: the pending request (then it is updated) or the listing itself.
 */
export async function proposePlaceChange(
	tx: Tx,
	placeId: string,
	started: { requestId: string | null; version: number },
	proposed: PlaceFields,
	note: string | null
): Promise<Proposed> {
	const listing = await getPlaceRecord(tx, placeId);
	if (!listing) return { ok: false, reason: 'not_found' };
	const pending = await pendingRequest(tx, placeId, 'place', null);
	if (pending) {
		if (started.requestId !== pending.id || started.version !== pending.version) return { ok: false, reason: 'conflict' };
		const rows = await tx.query<{ id: string }>(
			`update public.change_requests set proposed = $3::jsonb, note = coalesce($4, note) where id = $1 and version = $2 returning id`,
			[pending.id, pending.version, JSON.stringify(proposed), note]
		);
		return rows.length ? { ok: true, requestId: pending.id } : { ok: false, reason: 'conflict' };
	}
	if (started.requestId || started.version !== listing.meta.version) return { ok: false, reason: 'conflict' };
	if (changedKeys(listing.fields, proposed, PLACE_FIELDS).length === 0) return { ok: true, requestId: '', unchanged: true };
	const [row] = await tx.query<{ id: string }>(
		`insert into public.change_requests (place_id, organization_id, municipality_id, kind, action, base_version, base, proposed, note)
		 values ($1, $2, $3, 'place', 'update', $4, $5::jsonb, $6::jsonb, $7) returning id`,
		[
			placeId,
			listing.meta.organizationId,
			listing.meta.municipalityId,
			listing.meta.version,
			JSON.stringify(listing.fields),
			JSON.stringify(proposed),
			note
		]
	);
	return { ok: true, requestId: row.id };
}

/** Adding, changing or removing an activity of a published listing, as a request. */
export async function proposeActivityChange(
	tx: Tx,
	placeId: string,
	action: RequestAction,
	activityId: string | null,
	started: { requestId: string | null; version: number },
	proposed: (ActivityFields & { id: string }) | null
): Promise<Proposed> {
	const listing = await getPlaceRecord(tx, placeId);
	if (!listing) return { ok: false, reason: 'not_found' };
	const current = activityId ? (await activitiesOfPlace(tx, placeId)).find((a) => a.id === activityId) : undefined;
	if (activityId && !current) return { ok: false, reason: 'not_found' };
	const pending = await pendingRequest(tx, placeId, 'activity', activityId);
	if (pending) {
		if (started.requestId !== pending.id || started.version !== pending.version) return { ok: false, reason: 'conflict' };
		const rows = await tx.query<{ id: string }>(
			`update public.change_requests set proposed = $3::jsonb where id = $1 and version = $2 and action = $4 returning id`,
			[pending.id, pending.version, proposed && JSON.stringify(proposed), action]
		);
		return rows.length ? { ok: true, requestId: pending.id } : { ok: false, reason: 'conflict' };
	}
	if (started.requestId || (current && started.version !== current.version)) return { ok: false, reason: 'conflict' };
	if (current && proposed && action === 'update' && changedKeys(current.fields, proposed, ACTIVITY_FIELDS).length === 0)
		return { ok: true, requestId: '', unchanged: true };
	const [row] = await tx.query<{ id: string }>(
		`insert into public.change_requests (place_id, organization_id, municipality_id, kind, action, activity_id, base_version, base, proposed)
		 values ($1, $2, $3, 'activity', $4, $5, $6, $7::jsonb, $8::jsonb) returning id`,
		[
			placeId,
			listing.meta.organizationId,
			listing.meta.municipalityId,
			action,
			activityId,
			current?.version ?? null,
			current ? JSON.stringify(current.fields) : null,
			proposed && JSON.stringify(proposed)
		]
	);
	return { ok: true, requestId: row.id };
}

export async function withdrawRequest(tx: Tx, id: string): Promise<boolean> {
	return (
		(await tx.query(`update public.change_requests set status = 'withdrawn' where id = $1 and status = 'pending' returning id`, [id]))
			.length > 0
	);
}

// ── deciding ───────────────────────────────────────────────────────────────────────────────

export type Decided =
	| { ok: true; placeId: string; activityIds: string[]; request: ChangeRequest }
	| { ok: false; reason: 'conflict' | 'not_found' | 'decided' | 'listing_changed' };

/** Approves a pending request: applies it and marks it approved, in the caller's transaction. */
export async function approveRequest(tx: Tx, id: string, version: number): Promise<Decided> {
	const r = await getRequest(tx, id);
	if (!r) return { ok: false, reason: 'not_found' };
	if (r.status !== 'pending') return { ok: false, reason: 'decided' };
	if (r.version !== version) return { ok: false, reason: 'conflict' };
	const activityIds: string[] = [];
	let saved: Saved | { ok: true } = { ok: true };

	if (r.kind === 'new_listing') {
		await setVia(tx, 'approval');
		const rows = await tx.query(`update public.places set status = 'published' where id = $1 and status = 'submitted' returning id`, [
			r.placeId
		]);
		if (!rows.length) return { ok: false, reason: 'listing_changed' };
		await tx.query(`select public.confirm_place($1, 'approval', null)`, [r.placeId]);
		// a new organisation becomes visible with its first approved listing
		await tx.query('update public.organizations set is_public = true where id = $1 and not is_public', [r.organizationId]);
		await tx.query('update public.place_photos set approved_at = now() where place_id = $1 and approved_at is null', [r.placeId]);
		activityIds.push(...(await activitiesOfPlace(tx, r.placeId)).map((a) => a.id));
	} else if (r.kind === 'place') {
		const listing = await getPlaceRecord(tx, r.placeId);
		if (!listing || !r.base || !r.proposed) return { ok: false, reason: 'not_found' };
		const base = r.base as PlaceFields;
		const proposed = r.proposed as PlaceFields;
		const merged: PlaceFields = { ...listing.fields };
		for (const k of changedKeys(base, proposed, PLACE_FIELDS)) (merged as unknown as Record<string, unknown>)[k] = proposed[k];
		saved = await updatePlace(tx, r.placeId, listing.meta.version, merged, 'approval');
	} else {
		const activities = await activitiesOfPlace(tx, r.placeId);
		const current = r.activityId ? activities.find((a) => a.id === r.activityId) : undefined;
		if (r.action === 'create') {
			const proposed = r.proposed as ActivityFields & { id: string };
			await setVia(tx, 'approval');
			await insertActivity(tx, r.placeId, proposed.id, proposed);
			activityIds.push(proposed.id);
		} else if (!current) {
			return { ok: false, reason: 'listing_changed' };
		} else if (r.action === 'delete') {
			await deleteActivity(tx, current.id, 'approval');
			activityIds.push(current.id);
		} else {
			const base = r.base as ActivityFields;
			const proposed = r.proposed as ActivityFields;
			const merged: ActivityFields = { ...current.fields };
			for (const k of changedKeys(base, proposed, ACTIVITY_FIELDS)) (merged as unknown as Record<string, unknown>)[k] = proposed[k];
			saved = await updateActivity(tx, current.id, current.version, merged, 'approval');
			activityIds.push(current.id);
		}
	}
	if (!saved.ok) return { ok: false, reason: 'listing_changed' };
	const rows = await tx.query(`update public.change_requests set status = 'approved' where id = $1 and version = $2 returning id`, [
		id,
		version
	]);
	if (!rows.length) return { ok: false, reason: 'conflict' };
	return { ok: true, placeId: r.placeId, activityIds, request: r };
}

/** Sends a pending request back with a reason the organisation sees. */
export async function returnRequest(tx: Tx, id: string, version: number, reason: string): Promise<Decided> {
	const r = await getRequest(tx, id);
	if (!r) return { ok: false, reason: 'not_found' };
	if (r.status !== 'pending') return { ok: false, reason: 'decided' };
	const rows = await tx.query(
		`update public.change_requests set status = 'returned', reason = $3 where id = $1 and version = $2 and status = 'pending' returning id`,
		[id, version, reason]
	);
	if (!rows.length) return { ok: false, reason: 'conflict' };
	if (r.kind === 'new_listing') {
		await setVia(tx, 'approval');
		await tx.query(`update public.places set status = 'draft' where id = $1 and status = 'submitted'`, [r.placeId]);
	}
	return { ok: true, placeId: r.placeId, activityIds: [], request: r };
}

// ── the queue ──────────────────────────────────────────────────────────────────────────────

export interface QueueEntry {
	id: string;
	kind: RequestKind;
	action: RequestAction;
	placeId: string;
	placeName: string;
	organizationName: string;
	createdAt: Date;
	createdByName: string;
	note: string | null;
}

export async function moderationQueue(tx: Tx): Promise<QueueEntry[]> {
	const rows = await tx.query<Omit<QueueEntry, 'createdByName'> & { createdBy: string | null }>(
		`select c.id, c.kind, c.action, c.place_id as "placeId", p.name as "placeName", o.name as "organizationName",
		   c.created_at as "createdAt", c.created_by as "createdBy", c.note
		 from public.change_requests c
		 join public.places p on p.id = c.place_id
		 join public.organizations o on o.id = c.organization_id
		 where c.status = 'pending' and c.municipality_id = any (private.user_municipality_ids('{moderator}'))
		 order by c.created_at
		 limit 200`
	);
	const names = await displayNames(
		tx,
		rows.map((r) => r.createdBy)
	);
	return rows.map(({ createdBy, ...r }) => ({ ...r, createdByName: (createdBy && names.get(createdBy)) || '—' }));
}

export interface PendingPhoto {
	id: string;
	placeId: string;
	placeName: string;
	caption: string;
	createdAt: Date;
}

/** Photos added to published listings, waiting for a moderator. */
export async function pendingPhotos(tx: Tx): Promise<PendingPhoto[]> {
	return tx.query<PendingPhoto>(
		`select ph.id, ph.place_id as "placeId", p.name as "placeName", ph.caption, ph.created_at as "createdAt"
		 from public.place_photos ph join public.places p on p.id = ph.place_id
		 where ph.approved_at is null and p.status = 'published'
		   and ph.municipality_id = any (private.user_municipality_ids('{moderator}'))
		 order by ph.created_at limit 100`
	);
}
