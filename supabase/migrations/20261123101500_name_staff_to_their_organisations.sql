-- Display names, widened: an organisation's members also see the names of the moderators
-- and coordinators of their municipality (who approved their listing, who phoned them).
create or replace function public.display_names(p_ids uuid[])
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
            or m.municipality_id = any (private.user_municipality_ids('{moderator,coordinator,admin}'))
            or (m.role in ('moderator', 'coordinator')
              and m.municipality_id in (select c.municipality_id from public.memberships c where c.user_id = (select auth.uid()))))
      )
    )
$$;
