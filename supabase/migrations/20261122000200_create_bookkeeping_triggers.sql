-- Generic triggers for bookkeeping shared by every table.

create function private.set_updated_at() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

-- Optimistic locking: every successful update bumps the version, so a writer that read
-- version n and updates `where version = n` touches no row when someone else was first.
create function private.bump_version() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.version := old.version + 1;
  return new;
end
$$;

create function private.set_created_by() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.created_by := coalesce((select auth.uid()), new.created_by);
  return new;
end
$$;

-- A point is in Japan when it falls inside a coarse outline of the country's territory, from
-- 与那国島 to 南鳥島 and 沖ノ鳥島 to 稚内, drawn to keep out Korea, China, Taiwan and Russia.
create function private.in_japan(p extensions.geography) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select p is null or extensions.st_covers(
    'SRID=4326;POLYGON((122.9 20.4, 154.0 20.4, 154.0 45.6, 140.5 45.6, 139.0 42.0, 135.5 37.5,
      131.0 36.5, 129.6 35.0, 128.9 34.8, 128.3 33.5, 125.0 30.0, 122.9 24.4, 122.9 20.4))'::extensions.geometry,
    p::extensions.geometry
  )
$$;

-- Closure periods of a schedule: [{kind:'annual', from:'MM-DD', to:'MM-DD', label?}
-- | {kind:'once', from:'YYYY-MM-DD', to:'YYYY-MM-DD', label?}].
create function private.valid_closures(c jsonb) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select jsonb_typeof(c) = 'array'
    and jsonb_array_length(c) <= 20
    and not exists (
      select 1 from jsonb_array_elements(c) e
      where not (
        (e ->> 'kind' = 'annual'
          and e ->> 'from' ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'
          and e ->> 'to' ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$')
        or (e ->> 'kind' = 'once'
          and e ->> 'from' ~ '^\d{4}-\d{2}-\d{2}$'
          and e ->> 'to' ~ '^\d{4}-\d{2}-\d{2}$'
          and e ->> 'from' <= e ->> 'to')
      )
      or coalesce(length(e ->> 'label'), 0) > 40
    )
$$;

-- The RRULE body we accept: the frequencies and parts the schedule builder produces.
create function private.valid_rrule(r text) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select r is null or (
    length(r) <= 300
    and r ~ '^FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;(INTERVAL|BYDAY|BYMONTHDAY|BYMONTH|BYSETPOS|COUNT|WKST)=[A-Z0-9,+-]+)*$'
  )
$$;

grant execute on function private.in_japan(extensions.geography), private.valid_closures(jsonb),
  private.valid_rrule(text) to authenticated;
