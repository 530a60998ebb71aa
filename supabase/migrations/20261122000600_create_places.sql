-- Places (地域資源): where something happens. The exact location lives apart, in
-- place_locations, readable only by the organisation and municipal staff; places carries the
-- point and address the public may see, derived in SQL from the disclosure level.

create table public.places (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  organization_id uuid not null,
  area_id uuid,
  name text not null check (length(name) between 1 and 100),
  name_kana text check (length(name_kana) <= 100),
  summary text check (length(summary) <= 200),
  description text check (length(description) <= 4000),
  category public.category not null,
  target_groups public.target_group[] not null default '{}',
  accommodations public.accommodation[] not null default '{}',
  venue_type public.venue_type not null default 'other',
  venue_name text check (length(venue_name) <= 100),
  -- 参加費 in yen per visit; 0 = 無料, null = not stated
  fee_yen integer check (fee_yen between 0 and 100000),
  fee_note text check (length(fee_note) <= 200),
  accessibility text check (length(accessibility) <= 1000),
  access_note text check (length(access_note) <= 500),
  contact_phone text check (contact_phone ~ '^[0-9]{2,5}-[0-9]{1,4}-[0-9]{3,4}$'),
  contact_email text check (length(contact_email) <= 254 and contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  website text check (length(website) <= 500 and website ~ '^https?://'),
  disclosure public.disclosure_level not null default 'exact',
  -- derived from place_locations and disclosure by triggers; never written by clients
  public_location extensions.geography(Point, 4326) check (private.in_japan(public_location)),
  public_address text,
  status public.place_status not null default 'draft',
  verified_at timestamptz,
  verified_by uuid references auth.users (id) on delete set null,
  version integer not null default 1,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, organization_id, municipality_id),
  foreign key (organization_id, municipality_id)
    references public.organizations (id, municipality_id) on delete cascade on update cascade,
  foreign key (area_id, municipality_id) references public.areas (id, municipality_id) on delete set null (area_id),
  check (cardinality(target_groups) <= 8 and cardinality(accommodations) <= 13),
  check (verified_by is null or verified_at is not null)
);
create index places_municipality_id_idx on public.places (municipality_id);
create index places_organization_id_idx on public.places (organization_id);
create index places_status_idx on public.places (status);
create index places_area_id_idx on public.places (area_id);
create index places_category_idx on public.places (category);
create index places_public_location_idx on public.places using gist (public_location);
create trigger places_updated_at before update on public.places
  for each row execute function private.set_updated_at();
create trigger places_version before update on public.places
  for each row execute function private.bump_version();
create trigger places_created_by before insert on public.places
  for each row execute function private.set_created_by();

create table public.place_locations (
  place_id uuid primary key,
  organization_id uuid not null,
  municipality_id uuid not null,
  location extensions.geography(Point, 4326) not null check (private.in_japan(location)),
  address text not null check (length(address) between 1 and 200),
  postal_code text check (postal_code ~ '^\d{3}-\d{4}$'),
  updated_at timestamptz not null default now(),
  foreign key (place_id, organization_id, municipality_id)
    references public.places (id, organization_id, municipality_id) on delete cascade on update cascade
);
create index place_locations_organization_id_idx on public.place_locations (organization_id);
create index place_locations_municipality_id_idx on public.place_locations (municipality_id);
create trigger place_locations_updated_at before update on public.place_locations
  for each row execute function private.set_updated_at();

-- 'approximate': the centre of a grid cell of 0.004° latitude × 0.005° longitude
-- (about 445 m × 455 m in Honshu), so the public point stays put for a given place and
-- says only which cell it is in.
create function private.approximate_point(p extensions.geography) returns extensions.geography
language sql immutable parallel safe
set search_path = ''
as $$
  select extensions.st_setsrid(extensions.st_makepoint(
    (floor(extensions.st_x(p::extensions.geometry) / 0.005) + 0.5) * 0.005,
    (floor(extensions.st_y(p::extensions.geometry) / 0.004) + 0.5) * 0.004
  ), 4326)::extensions.geography
$$;

-- The address down to 町丁目: drops 番地・号 and trailing building details.
create function private.approximate_address(a text) returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select nullif(btrim(regexp_replace(
    a,
    '[\s　]*([0-9０-９一二三四五六七八九十百]+\s*(番地?|号|[-－‐ー−の])).*$',
    ''
  )), '')
$$;

-- Keeps places.public_location/public_address true to place_locations and disclosure,
-- whoever writes and whatever they send.
create function private.disclose_place_location() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  loc record;
begin
  select l.location, l.address into loc from public.place_locations l where l.place_id = new.id;
  if not found or new.disclosure = 'contact_only' then
    new.public_location := null;
    new.public_address := null;
  elsif new.disclosure = 'approximate' then
    new.public_location := private.approximate_point(loc.location);
    new.public_address := private.approximate_address(loc.address);
  else
    new.public_location := loc.location;
    new.public_address := loc.address;
  end if;
  return new;
end
$$;
create trigger places_disclose_location before insert or update on public.places
  for each row execute function private.disclose_place_location();

create function private.place_location_changed() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  -- re-running the places trigger recomputes the public point from the new row
  update public.places set public_location = null
  where id = coalesce(new.place_id, old.place_id);
  return null;
end
$$;
create trigger place_locations_disclose after insert or update or delete on public.place_locations
  for each row execute function private.place_location_changed();

-- verified_by is whoever set verified_at, never a value a client sends.
create function private.stamp_verification() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.verified_at is distinct from old.verified_at then
    new.verified_by := case when new.verified_at is null then null
      else coalesce((select auth.uid()), new.verified_by) end;
  else
    new.verified_by := old.verified_by;
  end if;
  return new;
end
$$;
create trigger places_stamp_verification before insert or update on public.places
  for each row execute function private.stamp_verification();
