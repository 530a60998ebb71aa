import type { MembershipRole, OrganizationKind } from '$lib/domain/shared/taxonomy';
import type { Tx } from './db/types';

export interface MyMembership {
	organizationId: string;
	organizationName: string;
	organizationKind: OrganizationKind;
	role: MembershipRole;
	municipalityName: string;
}

/** The signed-in user's own memberships (RLS shows a user their own rows). */
export async function myMemberships(tx: Tx): Promise<MyMembership[]> {
	return tx.query<MyMembership>(
		`select m.organization_id as "organizationId", o.name as "organizationName", o.kind::text as "organizationKind",
		        m.role::text as role, mu.name as "municipalityName"
		 from public.memberships m
		 join public.organizations o on o.id = m.organization_id
		 join public.municipalities mu on mu.id = m.municipality_id
		 where m.user_id = auth.uid()
		 order by o.name, m.role`
	);
}
