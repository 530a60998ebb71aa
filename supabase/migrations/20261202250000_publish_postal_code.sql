-- HSDS addresses carry a postal code (issue 10 item 17). The postal code lives with the exact
-- address in place_locations, which anon cannot read; like the address it is published through a
-- derived column, and only for `exact` places: an `approximate` place publishes its address to
-- 町丁目 alone, a `contact_only` place no address at all.
alter table public.places add column public_postal_code text;

create or replace function private.disclose_place_location() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  exact_location extensions.geography;
  exact_address text;
  exact_postal_code text;
begin
  select l.location, l.address, l.postal_code into exact_location, exact_address, exact_postal_code
  from public.place_locations l where l.place_id = new.id;
  if exact_location is null or new.disclosure = 'contact_only' then
    new.public_location := null;
    new.public_address := null;
    new.public_postal_code := null;
  elsif new.disclosure = 'approximate' then
    new.public_location := private.approximate_point(exact_location);
    new.public_address := private.approximate_address(exact_address);
    new.public_postal_code := null;
  else
    new.public_location := exact_location;
    new.public_address := exact_address;
    new.public_postal_code := exact_postal_code;
  end if;
  new.public_venue_name := case when new.disclosure = 'exact' then new.venue_name end;
  new.public_access_note := case when new.disclosure <> 'contact_only' then new.access_note end;
  new.public_area_id := case when new.disclosure = 'contact_only' then private.coarse_area_id(new.area_id) else new.area_id end;
  return new;
end
$$;

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
        - 'public_postal_code' - 'public_venue_name' - 'public_area_id' - 'public_access_note' - 'public_lat'
        - 'public_lon' - 'search_text' - 'id' - 'place_id' - 'organization_id' - 'municipality_id'
  end
$$;

grant select (public_postal_code) on public.places to anon;

-- Recompute every existing place (the trigger fills the new column).
update public.places set public_location = null;
