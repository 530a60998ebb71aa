-- Keeping listings true: each confirmation that a published listing is still right resets
-- its freshness clock (places.verified_at) and is kept here — by whom and how: the
-- organisation ('organization'), its one-tap link ('one_tap', no login), staff after a phone
-- call ('staff_phone'), a moderator's approval ('approval') or an import ('import').
-- Written only by confirm_place and the one-tap handler; nobody updates or deletes it.
create table public.place_confirmations (
  id uuid primary key default gen_random_uuid(),
  place_id uuid not null,
  municipality_id uuid not null,
  organization_id uuid not null,
  method text not null check (method in ('organization', 'one_tap', 'staff_phone', 'approval', 'import')),
  confirmed_by uuid references auth.users (id) on delete set null,
  note text check (length(note) <= 500),
  confirmed_at timestamptz not null default now(),
  foreign key (place_id, organization_id, municipality_id)
    references public.places (id, organization_id, municipality_id) on delete cascade on update cascade
);
create index place_confirmations_place_id_idx on public.place_confirmations (place_id, confirmed_at desc);
create index place_confirmations_municipality_id_idx on public.place_confirmations (municipality_id, confirmed_at desc);
create index place_confirmations_organization_id_idx on public.place_confirmations (organization_id);

alter table public.place_confirmations enable row level security;
alter table public.place_confirmations force row level security;
grant select on public.place_confirmations to authenticated;

create policy "members and municipal staff read confirmations" on public.place_confirmations
  for select to authenticated
  using (
    organization_id = any ((select private.user_organization_ids())::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{moderator,coordinator,admin}'))::uuid[])
  );

-- Confirms a published listing: its organisation's members ('organization'), or the
-- municipality's moderators, coordinators and tenant admins on the organisation's behalf
-- after a phone call ('staff_phone'), or a moderator approving it ('approval').
create function public.confirm_place(p_place_id uuid, p_method text, p_note text default null)
returns timestamptz
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid constant uuid := (select auth.uid());
  pl record;
  at timestamptz := now();
begin
  select id, organization_id, municipality_id, status into pl from public.places where id = p_place_id for update;
  if uid is null or not found then
    raise exception 'no such listing' using errcode = '42501';
  end if;
  if pl.status <> 'published' then
    raise exception 'only published listings are confirmed' using errcode = '22023';
  end if;
  if not (
    (p_method = 'organization' and pl.organization_id = any (private.user_organization_ids('{volunteer,admin}')))
    or (p_method = 'staff_phone' and pl.municipality_id = any (private.user_municipality_ids('{moderator,coordinator,admin}')))
    or (p_method = 'approval' and pl.municipality_id = any (private.user_municipality_ids('{moderator}')))
  ) then
    raise exception 'not allowed to confirm this listing this way' using errcode = '42501';
  end if;
  perform set_config('tsunagari.via', case p_method when 'staff_phone' then 'phone' when 'organization' then 'confirmation' else p_method end, true);
  update public.places set verified_at = at where id = p_place_id;
  insert into public.place_confirmations (place_id, municipality_id, organization_id, method, confirmed_by, note)
  values (pl.id, pl.municipality_id, pl.organization_id, p_method, uid, nullif(btrim(p_note), ''));
  return at;
end
$$;
revoke execute on function public.confirm_place(uuid, text, text) from public;
grant execute on function public.confirm_place(uuid, text, text) to authenticated;
