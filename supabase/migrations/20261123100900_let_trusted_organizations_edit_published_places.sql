-- A published listing changes only through a moderator's approval — unless its organisation is
-- one the moderators mark as trusted: then its members edit it directly (and the history
-- records every change). Publishing, archiving and confirming stay with the moderators (and
-- confirmations with private.confirm_place).

create function private.organization_is_trusted(org uuid) returns boolean
language sql stable
set search_path = ''
as $$
  select coalesce((select trusted from public.organizations where id = org), false)
$$;
revoke execute on function private.organization_is_trusted(uuid) from public;
grant execute on function private.organization_is_trusted(uuid) to authenticated;

create or replace function private.place_is_editable(p uuid) returns boolean
language sql stable
set search_path = ''
as $$
  select exists (
    select 1 from public.places pl
    where pl.id = p
      and (pl.status in ('draft', 'submitted') or (pl.status = 'published' and private.organization_is_trusted(pl.organization_id)))
  )
$$;

drop policy "members update unpublished places, moderators any" on public.places;
create policy "members update unpublished or trusted places, moderators any" on public.places
  for update to authenticated
  using (
    (organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[])
      and (status in ('draft', 'submitted') or (status = 'published' and private.organization_is_trusted(organization_id))))
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  )
  with check (
    (organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[])
      and (status in ('draft', 'submitted') or (status = 'published' and private.organization_is_trusted(organization_id))))
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  );

-- Whoever is not a moderator of the municipality cannot publish, unpublish or archive a
-- listing, nor set its confirmation date.
create function private.guard_place_review() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user <> 'authenticated' or new.municipality_id = any (private.user_municipality_ids('{moderator}')) then
    return new;
  end if;
  if tg_op = 'INSERT' then
    if new.verified_at is not null then
      raise exception 'only moderators confirm listings' using errcode = '42501';
    end if;
    return new;
  end if;
  if new.status is distinct from old.status
    and (new.status in ('published', 'archived') or old.status in ('published', 'archived')) then
    raise exception 'only moderators publish or withdraw listings' using errcode = '42501';
  end if;
  if new.verified_at is distinct from old.verified_at then
    raise exception 'confirmations go through confirm_place' using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger places_guard_review before insert or update on public.places
  for each row execute function private.guard_place_review();
