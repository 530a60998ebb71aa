-- The names people chose at sign-up (auth.users.raw_user_meta_data.display_name), for "who"
-- in a listing's history, its requests and confirmations. auth.users stays closed; this
-- returns a name only for someone who shares an organisation with the caller, or who belongs
-- to an organisation in a municipality where the caller is staff (moderator, coordinator,
-- tenant admin) — never an e-mail address.
create function public.display_names(p_ids uuid[])
returns table (id uuid, name text)
language sql
stable
security definer
set search_path = ''
as $$
  select u.id, coalesce(nullif(btrim(u.raw_user_meta_data ->> 'display_name'), ''), '—') as name
  from auth.users u
  where u.id = any (p_ids)
    and (select auth.uid()) is not null
    and (
      u.id = (select auth.uid())
      or exists (
        select 1 from public.memberships m
        where m.user_id = u.id
          and (m.organization_id = any (private.user_organization_ids())
            or m.municipality_id = any (private.user_municipality_ids('{moderator,coordinator,admin}')))
      )
    )
$$;
revoke execute on function public.display_names(uuid[]) from public;
grant execute on function public.display_names(uuid[]) to authenticated;
