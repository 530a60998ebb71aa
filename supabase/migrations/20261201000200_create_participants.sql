-- 参加者 (participants): people a coordinator supports into participation. The pseudonymous
-- code is the handle everywhere; the real name, when recorded at all, lives in its own table
-- that only the coordinators assigned to the person can read (participant_names).
-- The home is never stored: the area (自治会 or 地区) stands for it.

-- Weekly availability: [{weekday: 0–6, start: 'HH:MM', end: 'HH:MM'}], at most 21 windows.
create function private.valid_availability(a jsonb) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select jsonb_typeof(a) = 'array'
    and jsonb_array_length(a) <= 21
    and not exists (
      select 1 from jsonb_array_elements(a) w
      where not (
        jsonb_typeof(w -> 'weekday') = 'number'
        and (w ->> 'weekday') ~ '^[0-6]$'
        and (w ->> 'start') ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'
        and (w ->> 'end') ~ '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$'
        and w ->> 'start' < w ->> 'end'
      )
    )
$$;
grant execute on function private.valid_availability(jsonb) to authenticated;

create table casework.participants (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references public.municipalities (id) on delete cascade,
  code text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9-]{0,19}$'),
  area_id uuid,
  age_band text not null check (age_band in ('10s', '20s', '30s', '40s', '50s', '60s', '70s', '80plus')),
  target_groups public.target_group[] not null default '{}',
  interests text[] not null default '{}'
    check (cardinality(interests) <= 20 and array_to_string(interests, ',') ~ '^[a-z_,]*$'),
  strengths text check (length(strengths) <= 500),
  goals text[] not null default '{}'
    check (goals <@ array['ibasho', 'friends', 'volunteer', 'work_prep', 'hobby']),
  availability jsonb not null default '[]' check (private.valid_availability(availability)),
  modes text[] not null default '{walk}'
    check (cardinality(modes) between 1 and 4 and modes <@ array['walk', 'bicycle', 'bus', 'pickup_needed']),
  max_minutes smallint not null default 30 check (max_minutes between 5 and 120),
  required_accommodations public.accommodation[] not null default '{}',
  preferences text[] not null default '{}'
    check (preferences <@ array['small_group', 'quiet', 'same_gender_staff']),
  needs_companion_first_visit boolean not null default false,
  notes text check (length(notes) <= 2000),
  -- 本人同意: a short summary (age band, 配慮, 初回同伴) may be shown to a host that is asked
  share_summary_with_host boolean not null default false,
  -- 受付日 (JST), and since when the person waits for a place (the batch favours long waits)
  registered_on date not null default (now() at time zone 'Asia/Tokyo')::date,
  waiting_since date not null default (now() at time zone 'Asia/Tokyo')::date,
  version integer not null default 1,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (municipality_id, code),
  unique (id, municipality_id),
  foreign key (area_id, municipality_id) references public.areas (id, municipality_id) on delete set null (area_id)
);
create index participants_municipality_id_idx on casework.participants (municipality_id);
create index participants_area_id_idx on casework.participants (area_id);
create trigger participants_updated_at before update on casework.participants
  for each row execute function private.set_updated_at();
create trigger participants_version before update on casework.participants
  for each row execute function private.bump_version();
create trigger participants_created_by before insert on casework.participants
  for each row execute function private.set_created_by();

-- The coordinators assigned to a participant (担当). The creator is assigned by a trigger;
-- an assigned coordinator may add a colleague who is a coordinator of the same municipality.
create table casework.participant_coordinators (
  participant_id uuid not null,
  municipality_id uuid not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (participant_id, user_id),
  foreign key (participant_id, municipality_id)
    references casework.participants (id, municipality_id) on delete cascade
);
create index participant_coordinators_municipality_id_idx on casework.participant_coordinators (municipality_id);
create index participant_coordinators_user_id_idx on casework.participant_coordinators (user_id);
create trigger participant_coordinators_created_by before insert on casework.participant_coordinators
  for each row execute function private.set_created_by();

create function private.check_assignee_is_coordinator() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if not exists (
    select 1 from public.memberships m join public.organizations o on o.id = m.organization_id
    where m.user_id = new.user_id and m.role = 'coordinator' and m.municipality_id = new.municipality_id
      and o.kind in ('shakyo', 'municipal_dept')
  ) then
    raise exception 'only a coordinator of the municipality can be assigned' using errcode = '23514';
  end if;
  return new;
end
$$;
create trigger participant_coordinators_assignee before insert or update on casework.participant_coordinators
  for each row execute function private.check_assignee_is_coordinator();

create function private.assign_participant_creator() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if (select auth.uid()) is not null then
    insert into casework.participant_coordinators (participant_id, municipality_id, user_id, created_by)
    values (new.id, new.municipality_id, (select auth.uid()), (select auth.uid()));
  end if;
  return new;
end
$$;
create trigger participants_assign_creator after insert on casework.participants
  for each row execute function private.assign_participant_creator();

create table casework.participant_names (
  participant_id uuid primary key,
  municipality_id uuid not null,
  real_name text not null check (length(btrim(real_name)) between 1 and 100),
  real_name_kana text check (length(real_name_kana) <= 100),
  updated_at timestamptz not null default now(),
  foreign key (participant_id, municipality_id)
    references casework.participants (id, municipality_id) on delete cascade
);
create index participant_names_municipality_id_idx on casework.participant_names (municipality_id);
create trigger participant_names_updated_at before update on casework.participant_names
  for each row execute function private.set_updated_at();

-- The participants the caller is assigned to, for policies.
create function private.assigned_participant_ids() returns uuid[]
language sql stable security definer
set search_path = ''
as $$
  select coalesce(array_agg(pc.participant_id), '{}')
  from casework.participant_coordinators pc
  where pc.user_id = (select auth.uid())
$$;
revoke execute on function private.assigned_participant_ids() from public;
grant execute on function private.assigned_participant_ids() to authenticated;
