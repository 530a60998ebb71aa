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

-- A point is in Japan when it falls inside the country's extent (incl. 沖ノ鳥島 to 択捉島).
create function private.in_japan(p extensions.geography) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select p is null or (
    extensions.st_x(p::extensions.geometry) between 122.9 and 154.0
    and extensions.st_y(p::extensions.geometry) between 20.4 and 45.6
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
