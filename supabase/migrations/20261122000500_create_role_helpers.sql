-- Role look-ups for policies. Roles are rows (memberships), never claims a user could edit.
-- security definer so a policy on memberships can call them without recursing into itself;
-- each returns an array, used as `col = any ((select private.x())::uuid[])` so it runs once per statement.

create function private.user_organization_ids(roles public.membership_role[] default null)
returns uuid[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(array_agg(distinct m.organization_id), '{}')
  from public.memberships m
  where m.user_id = (select auth.uid())
    and (roles is null or m.role = any (roles))
$$;

-- Municipalities where the user holds one of these municipality-wide roles.
-- 'admin' here means a tenant administrator: admin of the municipality's 主管課.
create function private.user_municipality_ids(roles public.membership_role[])
returns uuid[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(array_agg(distinct m.municipality_id), '{}')
  from public.memberships m
  join public.organizations o on o.id = m.organization_id
  where m.user_id = (select auth.uid())
    and m.role = any (roles)
    and (m.role <> 'admin' or o.kind = 'municipal_dept')
$$;

revoke execute on function private.user_organization_ids(public.membership_role[]) from public;
revoke execute on function private.user_municipality_ids(public.membership_role[]) from public;
grant execute on function private.user_organization_ids(public.membership_role[]) to authenticated;
grant execute on function private.user_municipality_ids(public.membership_role[]) to authenticated;
