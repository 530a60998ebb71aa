-- 「情報提供」: residents tell the municipality about a place that is missing or wrong, without an
-- account. They land in the moderators' queue. Residents write only through submit_suggestion
-- (honeypot checked by the server; rate limited here per client key and per municipality).
create table public.suggestions (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references public.municipalities (id) on delete cascade,
  place_id uuid references public.places (id) on delete set null,
  kind text not null check (kind in ('missing', 'wrong', 'closed')),
  place_name text check (length(place_name) <= 100),
  location_text text check (length(location_text) <= 200),
  body text not null check (length(body) between 1 and 2000),
  contact text check (length(contact) <= 200),
  status text not null default 'new' check (status in ('new', 'done', 'dismissed')),
  staff_note text check (length(staff_note) <= 1000),
  handled_by uuid references auth.users (id) on delete set null,
  handled_at timestamptz,
  created_at timestamptz not null default now()
);
create index suggestions_municipality_id_idx on public.suggestions (municipality_id, created_at desc);
create index suggestions_place_id_idx on public.suggestions (place_id);
create index suggestions_status_idx on public.suggestions (status, created_at);

create function private.stamp_suggestion_handling() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if new.status is distinct from old.status then
    new.handled_by := (select auth.uid());
    new.handled_at := case when new.status = 'new' then null else now() end;
  else
    new.handled_by := old.handled_by;
    new.handled_at := old.handled_at;
  end if;
  return new;
end
$$;
create trigger suggestions_stamp_handling before update on public.suggestions
  for each row execute function private.stamp_suggestion_handling();

alter table public.suggestions enable row level security;
alter table public.suggestions force row level security;
grant select on public.suggestions to authenticated;
grant update (status, staff_note) on public.suggestions to authenticated;

create policy "moderators and tenant admins read suggestions" on public.suggestions
  for select to authenticated
  using (municipality_id = any ((select private.user_municipality_ids('{moderator,admin}'))::uuid[]));
create policy "moderators and tenant admins handle suggestions" on public.suggestions
  for update to authenticated
  using (municipality_id = any ((select private.user_municipality_ids('{moderator,admin}'))::uuid[]))
  with check (municipality_id = any ((select private.user_municipality_ids('{moderator,admin}'))::uuid[]));

-- The one write residents may make. p_client_key is the server's keyed hash of the sender
-- (IP address); p_id makes a repeated submit of the same form one row.
-- Returns: accepted | duplicate | rate_limited.
create function public.submit_suggestion(
  p_id uuid,
  p_municipality_id uuid,
  p_place_id uuid,
  p_kind text,
  p_place_name text,
  p_location_text text,
  p_body text,
  p_contact text,
  p_client_key text
) returns text
language plpgsql
security definer
set search_path = ''
as $$
begin
  if exists (select 1 from public.suggestions where id = p_id) then
    return 'duplicate';
  end if;
  if p_place_id is not null and not exists (
    select 1 from public.places where id = p_place_id and municipality_id = p_municipality_id and status = 'published'
  ) then
    raise exception 'no such published place' using errcode = '22023';
  end if;
  if not private.take_rate('suggestion', coalesce(p_client_key, '-'), 5, interval '1 hour')
    or not private.take_rate('suggestion_town', p_municipality_id::text, 200, interval '1 hour') then
    return 'rate_limited';
  end if;
  insert into public.suggestions (id, municipality_id, place_id, kind, place_name, location_text, body, contact)
  values (p_id, p_municipality_id, p_place_id, p_kind, nullif(btrim(p_place_name), ''),
          nullif(btrim(p_location_text), ''), btrim(p_body), nullif(btrim(p_contact), ''));
  return 'accepted';
end
$$;
revoke execute on function public.submit_suggestion(uuid, uuid, uuid, text, text, text, text, text, text) from public;
grant execute on function public.submit_suggestion(uuid, uuid, uuid, text, text, text, text, text, text) to anon, authenticated;
