-- Location privacy (issue 10 item 8). What the public may learn of where a place is, decided
-- here and nowhere else; every public output reads only the public_* columns.
--
--   exact         the point, the address, the venue name and the area.
--   approximate   the centre of a grid cell of at least 1 km² that holds the place, never
--                 within 350 m of it; the address down to 町丁目; the area; no venue name
--                 (a named venue can be looked up on any map).
--   contact_only  no point, no address, no venue name, no access note (「○○駅から徒歩5分」);
--                 the area only as its 地区 or 圏域, never the 自治会, 町丁目 or 小学校区.
--
-- The grid: cells of 0.0125° longitude × 0.01° latitude (1.11 km × 0.98–1.27 km across Japan,
-- 1.08–1.41 km²). The point published is the centre of the cell the place lies in; when that
-- centre is nearer than 350 m, it is instead the centre of the cell of a second grid shifted
-- by half a cell (whose centres are the first grid's corners): then the place is within 350 m
-- of the first centre, so at least 740 − 350 = 390 m from every corner. Same input, same point:
-- nothing random to average away over versions.

create or replace function private.approximate_point(p extensions.geography) returns extensions.geography
language sql immutable parallel safe
set search_path = ''
as $$
  with xy as (
    select extensions.st_x(p::extensions.geometry) / 0.0125 as x, extensions.st_y(p::extensions.geometry) / 0.01 as y
  ), cells as (
    select
      extensions.st_setsrid(extensions.st_makepoint((floor(x) + 0.5) * 0.0125, (floor(y) + 0.5) * 0.01), 4326)::extensions.geography as centre,
      extensions.st_setsrid(extensions.st_makepoint(floor(x + 0.5) * 0.0125, floor(y + 0.5) * 0.01), 4326)::extensions.geography as shifted
    from xy
  )
  select case when extensions.st_distance(centre, p) >= 350 then centre else shifted end from cells
$$;

-- The area a 窓口のみ place may be named by: the nearest of itself and its ancestors that is a
-- 地区 or 圏域 (null when there is none).
create function private.coarse_area_id(a uuid) returns uuid
language sql stable
security definer
set search_path = ''
as $$
  with recursive up as (
    select id, parent_id, kind, 0 as depth from public.areas where id = a
    union all
    select p.id, p.parent_id, p.kind, up.depth + 1 from public.areas p join up on p.id = up.parent_id where up.depth < 20
  )
  select id from up where kind in ('district', 'sphere') order by depth limit 1
$$;
revoke execute on function private.coarse_area_id(uuid) from public;

alter table public.places
  add column public_venue_name text,
  add column public_area_id uuid,
  add column public_access_note text,
  add foreign key (public_area_id, municipality_id) references public.areas (id, municipality_id)
    on delete set null (public_area_id);
create index places_public_area_id_idx on public.places (public_area_id);

create or replace function private.disclose_place_location() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  exact_location extensions.geography;
  exact_address text;
begin
  select l.location, l.address into exact_location, exact_address from public.place_locations l where l.place_id = new.id;
  if exact_location is null or new.disclosure = 'contact_only' then
    new.public_location := null;
    new.public_address := null;
  elsif new.disclosure = 'approximate' then
    new.public_location := private.approximate_point(exact_location);
    new.public_address := private.approximate_address(exact_address);
  else
    new.public_location := exact_location;
    new.public_address := exact_address;
  end if;
  new.public_venue_name := case when new.disclosure = 'exact' then new.venue_name end;
  new.public_access_note := case when new.disclosure <> 'contact_only' then new.access_note end;
  new.public_area_id := case when new.disclosure = 'contact_only' then private.coarse_area_id(new.area_id) else new.area_id end;
  return new;
end
$$;

-- An area moved or re-kinded: the 窓口のみ places under it are named by their new 地区.
create function private.area_changed() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  update public.places p set public_area_id = null
  where p.municipality_id = new.municipality_id and p.disclosure = 'contact_only' and p.area_id is not null
    and p.public_area_id is distinct from private.coarse_area_id(p.area_id);
  return null;
end
$$;
create trigger areas_disclose_places after update of parent_id, kind on public.areas
  for each row execute function private.area_changed();

-- Keyword search reads the public venue name, so a venue's name does not find a place that hides it.
drop index public.places_search_text_idx;
alter table public.places drop column search_text;
alter table public.places add column search_text text generated always as (
  private.search_fold(
    name || ' ' || coalesce(name_kana, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(description, '')
    || ' ' || coalesce(public_venue_name, '') || ' ' || coalesce(public_address, '')
  )
) stored;
create index places_search_text_idx on public.places using gin (search_text extensions.gin_trgm_ops);

-- Recompute every existing place (the trigger fills the new columns).
update public.places set public_location = null;

-- The history shows what people wrote, not what the trigger derived.
create or replace function private.history_row(entity text, r jsonb, loc extensions.geography) returns jsonb
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
        - 'public_venue_name' - 'public_area_id' - 'public_access_note' - 'public_lat' - 'public_lon'
        - 'search_text' - 'id' - 'place_id' - 'organization_id' - 'municipality_id'
  end
$$;

-- The public reads places column by column: never the venue name or area a level hides.
revoke select on public.places from anon;
grant select (
  id, municipality_id, organization_id, name, name_kana, summary, description, category, target_groups,
  accommodations, venue_type, fee_yen, fee_note, accessibility, public_access_note, contact_phone, contact_email,
  website, disclosure, public_location, public_address, public_lat, public_lon, public_venue_name,
  public_area_id, search_text, status, verified_at, version, created_at, updated_at
) on public.places to anon;
