/** Which municipal roles the caller holds (read from memberships under RLS, never from claims). */
import type { Tx } from './db/types';

export interface StaffRoles {
	moderator: boolean;
	coordinator: boolean;
	agencyStaff: boolean;
	/** admin of a 主管課: the tenant administrator */
	tenantAdmin: boolean;
}

export async function staffRoles(tx: Tx): Promise<StaffRoles> {
	const [row] = await tx.query<StaffRoles>(
		`select cardinality(private.user_municipality_ids('{moderator}')) > 0 as moderator,
		        cardinality(private.user_municipality_ids('{coordinator}')) > 0 as coordinator,
		        cardinality(private.user_municipality_ids('{agency_staff}')) > 0 as "agencyStaff",
		        cardinality(private.user_municipality_ids('{admin}')) > 0 as "tenantAdmin"`
	);
	return row;
}
