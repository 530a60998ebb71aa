/** Photo rows (the files are in the storage port), under the caller's claims. */
import type { Tx } from '../platform/db/types';

export interface PhotoRow {
	id: string;
	placeId: string;
	storageKey: string;
	contentType: string;
	width: number;
	height: number;
	caption: string;
	approved: boolean;
	createdAt: Date;
}

const SELECT = `select id, place_id as "placeId", storage_key as "storageKey", content_type as "contentType", width, height,
	caption, approved_at is not null as approved, created_at as "createdAt" from public.place_photos`;

export async function photosOf(tx: Tx, placeId: string): Promise<PhotoRow[]> {
	return tx.query<PhotoRow>(`${SELECT} where place_id = $1 order by created_at, id`, [placeId]);
}

export async function getPhoto(tx: Tx, id: string): Promise<PhotoRow | null> {
	const [row] = await tx.query<PhotoRow>(`${SELECT} where id = $1`, [id]);
	return row ?? null;
}

export async function insertPhoto(
	tx: Tx,
	p: { id: string; placeId: string; storageKey: string; width: number; height: number; bytes: number; caption: string; approve: boolean }
): Promise<boolean> {
	if ((await tx.query('select 1 from public.place_photos where id = $1', [p.id])).length) return false;
	await tx.query(
		`insert into public.place_photos (id, place_id, organization_id, municipality_id, storage_key, content_type, width, height, bytes, caption, approved_at)
		 select $1, pl.id, pl.organization_id, pl.municipality_id, $3, 'image/jpeg', $4, $5, $6, $7, case when $8 then now() end
		 from public.places pl where pl.id = $2`,
		[p.id, p.placeId, p.storageKey, p.width, p.height, p.bytes, p.caption, p.approve]
	);
	return (await tx.query('select 1 from public.place_photos where id = $1', [p.id])).length > 0;
}

export async function deletePhoto(tx: Tx, id: string): Promise<string | null> {
	const [row] = await tx.query<{ key: string }>('delete from public.place_photos where id = $1 returning storage_key as key', [id]);
	return row?.key ?? null;
}

export async function approvePhoto(tx: Tx, id: string): Promise<boolean> {
	return (
		(await tx.query('update public.place_photos set approved_at = now() where id = $1 and approved_at is null returning id', [id])).length >
		0
	);
}
