-- The dates an activity takes place in the coming months, expanded from its schedule by the
-- server (src/lib/server/occurrences.ts: RRULE, 祝日, closures need the domain code) so that
-- 「今日」「今週」, weekday and 時間帯 filters, sorting by the next date and events.csv are SQL.
-- Derived data: written only by the system path; visible exactly when its place is.

create table public.activity_occurrences (
  activity_id uuid not null references public.activities (id) on delete cascade,
  place_id uuid not null references public.places (id) on delete cascade,
  municipality_id uuid not null references public.municipalities (id) on delete cascade,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  -- 時間帯 the activity touches (morning/afternoon/evening), from the domain's bandsOf, so
  -- SQL and the domain agree; empty when the time of day is not known
  bands text[] not null default '{}' check (bands <@ array['morning', 'afternoon', 'evening']),
  primary key (activity_id, starts_at),
  check (ends_at > starts_at)
);
create index activity_occurrences_place_id_idx on public.activity_occurrences (place_id, starts_at);
create index activity_occurrences_municipality_id_idx on public.activity_occurrences (municipality_id);
create index activity_occurrences_starts_at_idx on public.activity_occurrences (starts_at);

alter table public.activity_occurrences enable row level security;
alter table public.activity_occurrences force row level security;
grant select on public.activity_occurrences to anon, authenticated;

create policy "the public reads occurrences of published places" on public.activity_occurrences
  for select to anon
  using (exists (select 1 from public.places p where p.id = place_id));
create policy "users read occurrences of places they can read" on public.activity_occurrences
  for select to authenticated
  using (exists (select 1 from public.places p where p.id = place_id));

-- When the occurrences were last expanded, and through which date.
create table private.occurrence_horizon (
  id boolean primary key default true check (id),
  computed_on date not null,
  through date not null
);
alter table private.occurrence_horizon enable row level security;
alter table private.occurrence_horizon force row level security;
