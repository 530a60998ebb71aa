-- Every change to a listing, recorded by triggers: who (auth.uid(), or null for the system:
-- a one-tap link, an import), when, how (via), and the fields before and after. Append-only:
-- no insert, update or delete grant exists; only the trigger functions (owner) write it.
-- It has no foreign key to places, so a deleted listing keeps its history.
create table public.place_history (
  id bigint generated always as identity primary key,
  place_id uuid not null,
  municipality_id uuid not null,
  organization_id uuid not null,
  entity text not null check (entity in ('place', 'location', 'activity', 'opening')),
  entity_id uuid not null,
  action text not null check (action in ('insert', 'update', 'delete')),
  actor uuid,
  -- 'form', 'approval', 'one_tap', 'phone', 'import', 'trusted' … set by the writer for the
  -- transaction (set_config('tsunagari.via', …, true)); informative, the actor is authoritative
  via text check (length(via) <= 40),
  before jsonb,
  after jsonb,
  at timestamptz not null default now()
);
create index place_history_place_id_idx on public.place_history (place_id, at desc);
create index place_history_municipality_id_idx on public.place_history (municipality_id);
create index place_history_organization_id_idx on public.place_history (organization_id);

alter table public.place_history enable row level security;
alter table public.place_history force row level security;
grant select on public.place_history to authenticated;

create policy "members and municipal staff read the history of their listings" on public.place_history
  for select to authenticated
  using (
    organization_id = any ((select private.user_organization_ids())::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{moderator,coordinator,admin}'))::uuid[])
  );

-- A row as the history shows it: bookkeeping and derived columns dropped, points as lon/lat.
create function private.history_row(entity text, r jsonb, loc extensions.geography) returns jsonb
language sql immutable
set search_path = ''
as $$
  select case
    when entity = 'location' then
      (r - 'location' - 'updated_at' - 'place_id' - 'organization_id' - 'municipality_id')
        || jsonb_build_object('lon', round(extensions.st_x(loc::extensions.geometry)::numeric, 6),
                              'lat', round(extensions.st_y(loc::extensions.geometry)::numeric, 6))
    else
      r - 'updated_at' - 'version' - 'created_at' - 'created_by' - 'public_location' - 'public_address'
        - 'search_text' - 'id' - 'place_id' - 'organization_id' - 'municipality_id'
  end
$$;

create function private.record_place_history() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  entity constant text := tg_argv[0];
  b jsonb;
  a jsonb;
  r record;
  pid uuid;
  eid uuid;
begin
  r := case when tg_op = 'DELETE' then old else new end;
  if entity = 'location' then
    if tg_op <> 'INSERT' then b := private.history_row(entity, to_jsonb(old), old.location); end if;
    if tg_op <> 'DELETE' then a := private.history_row(entity, to_jsonb(new), new.location); end if;
    pid := r.place_id;
    eid := r.place_id;
  else
    if tg_op <> 'INSERT' then b := private.history_row(entity, to_jsonb(old), null); end if;
    if tg_op <> 'DELETE' then a := private.history_row(entity, to_jsonb(new), null); end if;
    eid := r.id;
  end if;
  -- (separate statements: a record's fields are looked up when the statement first runs)
  if entity = 'place' then
    pid := r.id;
  elsif entity <> 'location' then
    pid := r.place_id;
  end if;
  if tg_op = 'UPDATE' then
    -- only the fields that changed; nothing at all when only derived columns moved
    select jsonb_object_agg(o.key, o.value) into b
    from jsonb_each(b) o where o.value is distinct from a -> o.key;
    if b is null then
      return null;
    end if;
    select jsonb_object_agg(n.key, n.value) into a
    from jsonb_each(a) n where b ? n.key;
  end if;
  insert into public.place_history (place_id, municipality_id, organization_id, entity, entity_id, action, actor, via, before, after)
  values (pid, r.municipality_id, r.organization_id, entity, eid, lower(tg_op), (select auth.uid()),
          nullif(current_setting('tsunagari.via', true), ''), b, a);
  return null;
end
$$;

create trigger places_history after insert or update or delete on public.places
  for each row execute function private.record_place_history('place');
create trigger place_locations_history after insert or update or delete on public.place_locations
  for each row execute function private.record_place_history('location');
create trigger activities_history after insert or update or delete on public.activities
  for each row execute function private.record_place_history('activity');
create trigger openings_history after insert or update or delete on public.openings
  for each row execute function private.record_place_history('opening');
