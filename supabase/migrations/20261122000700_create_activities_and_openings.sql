-- Activities (what happens at a place, on a schedule) and openings (受け入れ枠: a role an
-- organisation offers to a participant). Both carry the same schedule columns, read by
-- src/lib/domain/schedule: an RRULE in Asia/Tokyo plus EXDATEs, 祝日 policy and closures.

create table public.activities (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  organization_id uuid not null,
  place_id uuid not null,
  title text not null check (length(title) between 1 and 100),
  description text check (length(description) <= 2000),
  rrule text check (private.valid_rrule(rrule)),
  dtstart date not null,
  until date check (until >= dtstart),
  start_time time check (start_time is null or start_time between '05:00' and '23:00'),
  end_time time,
  exdates date[] not null default '{}' check (cardinality(exdates) <= 200),
  holiday_policy public.holiday_policy not null default 'skip',
  closures jsonb not null default '[]' check (private.valid_closures(closures)),
  -- 不定期 activities (rrule null) say when in words
  schedule_note text check (length(schedule_note) <= 200),
  version integer not null default 1,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (place_id, organization_id, municipality_id)
    references public.places (id, organization_id, municipality_id) on delete cascade on update cascade,
  unique (id, place_id),
  check (end_time is null or (start_time is not null and end_time > start_time)),
  check (rrule is not null or schedule_note is not null)
);
create index activities_place_id_idx on public.activities (place_id);
create index activities_organization_id_idx on public.activities (organization_id);
create index activities_municipality_id_idx on public.activities (municipality_id);
create trigger activities_updated_at before update on public.activities
  for each row execute function private.set_updated_at();
create trigger activities_version before update on public.activities
  for each row execute function private.bump_version();
create trigger activities_created_by before insert on public.activities
  for each row execute function private.set_created_by();

create table public.openings (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  organization_id uuid not null,
  place_id uuid not null,
  -- an opening may belong to one of its place's activities
  activity_id uuid,
  title text not null check (length(title) between 1 and 100),
  description text check (length(description) <= 2000),
  rrule text check (private.valid_rrule(rrule)),
  dtstart date not null,
  until date check (until >= dtstart),
  start_time time check (start_time is null or start_time between '05:00' and '23:00'),
  end_time time,
  exdates date[] not null default '{}' check (cardinality(exdates) <= 200),
  holiday_policy public.holiday_policy not null default 'skip',
  closures jsonb not null default '[]' check (private.valid_closures(closures)),
  schedule_note text check (length(schedule_note) <= 200),
  capacity integer not null check (capacity between 1 and 1000),
  accommodations public.accommodation[] not null default '{}',
  target_groups public.target_group[] not null default '{}',
  age_min smallint check (age_min between 0 and 120),
  age_max smallint check (age_max between 0 and 120),
  visibility public.opening_visibility not null default 'public',
  status public.opening_status not null default 'open',
  version integer not null default 1,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (place_id, organization_id, municipality_id)
    references public.places (id, organization_id, municipality_id) on delete cascade on update cascade,
  foreign key (activity_id, place_id) references public.activities (id, place_id) on delete set null (activity_id),
  check (end_time is null or (start_time is not null and end_time > start_time)),
  check (rrule is not null or schedule_note is not null),
  check (age_min is null or age_max is null or age_min <= age_max)
);
create index openings_place_id_idx on public.openings (place_id);
create index openings_activity_id_idx on public.openings (activity_id);
create index openings_organization_id_idx on public.openings (organization_id);
create index openings_municipality_id_idx on public.openings (municipality_id);
create index openings_status_visibility_idx on public.openings (status, visibility);
create trigger openings_updated_at before update on public.openings
  for each row execute function private.set_updated_at();
create trigger openings_version before update on public.openings
  for each row execute function private.bump_version();
create trigger openings_created_by before insert on public.openings
  for each row execute function private.set_created_by();
