/** Organisations of the moderator's municipality and their `trusted` flag (guarded in SQL). */
import type { OrganizationKind } from '$lib/domain/shared/taxonomy';
import type { Tx } from '../platform/db/types';

export interface OrgRow {
	id: string;
	name: string;
	kind: OrganizationKind;
	trusted: boolean;
	isPublic: boolean;
	listings: number;
}

export async function municipalOrganizations(tx: Tx): Promise<OrgRow[]> {
	return tx.query<OrgRow>(
		`select o.id, o.name, o.kind::text as kind, o.trusted, o.is_public as "isPublic",
		   (select count(*)::int from public.places p where p.organization_id = o.id and p.status = 'published') as listings
		 from public.organizations o
		 where o.municipality_id = any (private.user_municipality_ids('{moderator,admin}'))
		 order by o.name limit 500`
	);
}

export async function setTrusted(tx: Tx, id: string, trusted: boolean): Promise<boolean> {
	return (await tx.query('update public.organizations set trusted = $2 where id = $1 returning id', [id, trusted])).length > 0;
}
