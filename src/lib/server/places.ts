/**
 * Queries about places, always inside locals.db (RLS decides what the caller sees).
 */
import type { Tx } from './db/types';
import type { Accommodation, Category, DisclosureLevel } from '$lib/domain/taxonomy';

export interface PlaceSummary {
	id: string;
	name: string;
	category: Category;
	summary: string | null;
	publicAddress: string | null;
	disclosure: DisclosureLevel;
	feeYen: number | null;
	accommodations: Accommodation[];
	organizationName: string | null;
	areaName: string | null;
}

export async function listPublishedPlaces(tx: Tx, limit = 500): Promise<PlaceSummary[]> {
	return tx.query<PlaceSummary>(
		`select p.id, p.name, p.category::text as category, p.summary, p.public_address as "publicAddress",
		        p.disclosure::text as disclosure, p.fee_yen as "feeYen", p.accommodations::text[] as accommodations,
		        o.name as "organizationName", a.name as "areaName"
		 from public.places p
		 left join public.organizations o on o.id = p.organization_id
		 left join public.areas a on a.id = p.area_id
		 where p.status = 'published'
		 order by p.category, p.name
		 limit $1`,
		[limit]
	);
}
