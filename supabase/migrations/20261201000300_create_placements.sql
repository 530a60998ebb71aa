-- Placements: one participant proposed to one opening, and what became of it —
-- proposed → asked (the host) → accepted | declined | expired → trial_visit (見学・体験) → active
-- (参加開始) → settled (定着) | ended (終了), or withdrawn before starting. The transitions are
-- src/lib/domain/participation/workflow.ts; the trigger below keeps the same table.
-- The opening's title and host are copied at proposal, so the record survives the opening.

create table casework.placements (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  participant_id uuid not null,
  opening_id uuid,
  organization_id uuid not null,
  opening_title text not null,
  status text not null default 'proposed' check (status in (
    'proposed', 'asked', 'accepted', 'declined', 'expired', 'trial_visit', 'active', 'settled', 'ended', 'withdrawn')),
  -- what the engine said when the coordinator chose it (score 0–100 and the reasons)
  score numeric(5, 2) check (score between 0 and 100),
  reasons text check (length(reasons) <= 500),
  -- exactly what the host is shown; null unless the person agreed to share a summary
  host_summary text check (length(host_summary) <= 500),
  asked_at timestamptz,
  ask_channel text check (ask_channel in ('link', 'phone')),
  reminded_at timestamptz,
  host_replied_at timestamptz,
  host_reply text check (host_reply in ('ok', 'difficult')),
  host_decline_reason text check (host_decline_reason in ('full', 'schedule', 'not_ready', 'not_suitable', 'other')),
  trial_visit_dates date[] not null default '{}' check (cardinality(trial_visit_dates) <= 5),
  host_message text check (length(host_message) <= 1000),
  trial_visit_on date,
  started_on date,
  ended_on date,
  end_reason text check (end_reason in (
    'next_step', 'employed', 'not_a_fit', 'health', 'schedule', 'moved', 'host_circumstances', 'no_contact', 'other',
    'participant_changed_mind', 'found_elsewhere')),
  end_note text check (length(end_note) <= 1000),
  -- 参加者→協力者: the day the person started helping at the place
  helper_since date,
  version integer not null default 1,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, municipality_id),
  foreign key (participant_id, municipality_id)
    references casework.participants (id, municipality_id) on delete cascade,
  foreign key (opening_id, municipality_id)
    references public.openings (id, municipality_id) on delete set null (opening_id),
  check (host_reply is null or host_replied_at is not null),
  check (status <> 'declined' or host_decline_reason is not null),
  check (status not in ('active', 'settled') or started_on is not null),
  check (status <> 'ended' or (ended_on is not null and end_reason is not null and started_on is not null)),
  check (status <> 'withdrawn' or end_reason is not null),
  check (ended_on is null or started_on is null or ended_on >= started_on),
  check (trial_visit_on is null or started_on is null or started_on >= trial_visit_on)
);
create index placements_municipality_id_idx on casework.placements (municipality_id);
create index placements_participant_id_idx on casework.placements (participant_id);
create index placements_opening_id_idx on casework.placements (opening_id);
create index placements_organization_id_idx on casework.placements (organization_id);
create index placements_status_idx on casework.placements (status, asked_at);
-- One live placement per person and opening: a double submit cannot propose twice.
create unique index placements_one_live_per_opening on casework.placements (participant_id, opening_id)
  where status not in ('declined', 'expired', 'withdrawn', 'ended');
create trigger placements_updated_at before update on casework.placements
  for each row execute function private.set_updated_at();
create trigger placements_version before update on casework.placements
  for each row execute function private.bump_version();
create trigger placements_created_by before insert on casework.placements
  for each row execute function private.set_created_by();

-- The workflow's transitions (kept equal to the domain's by tests/db/participation.test.ts).
create function private.placement_transition_allowed(from_status text, to_status text) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select (from_status, to_status) in (
    ('proposed', 'asked'), ('proposed', 'withdrawn'),
    ('asked', 'accepted'), ('asked', 'declined'), ('asked', 'expired'), ('asked', 'withdrawn'),
    ('expired', 'asked'), ('expired', 'withdrawn'),
    ('accepted', 'trial_visit'), ('accepted', 'active'), ('accepted', 'withdrawn'),
    ('trial_visit', 'active'), ('trial_visit', 'withdrawn'),
    ('active', 'settled'), ('active', 'ended'),
    ('settled', 'ended')
  )
$$;
grant execute on function private.placement_transition_allowed(text, text) to authenticated;

-- New placements start as proposals for an opening of the same town; the host and the title
-- come from the opening, not from the writer. Status changes follow the workflow.
create function private.guard_placement() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  o record;
begin
  if tg_op = 'INSERT' then
    if new.status <> 'proposed' then
      raise exception 'a placement starts as a proposal' using errcode = '23514';
    end if;
    select organization_id, title into o from public.openings where id = new.opening_id;
    if not found then
      raise exception 'no such opening' using errcode = '23503';
    end if;
    new.organization_id := o.organization_id;
    new.opening_title := o.title;
  else
    if new.opening_id is distinct from old.opening_id and new.opening_id is not null then
      raise exception 'a placement keeps its opening' using errcode = '23514';
    end if;
    new.organization_id := old.organization_id;
    new.participant_id := old.participant_id;
    if new.status <> old.status and not private.placement_transition_allowed(old.status, new.status) then
      raise exception 'a placement cannot go from % to %', old.status, new.status using errcode = '23514';
    end if;
  end if;
  return new;
end
$$;
create trigger placements_guard before insert or update on casework.placements
  for each row execute function private.guard_placement();

-- 定着支援: follow-ups at 1 week, 1 month and 3 months after the start (dates from the
-- domain's followUpsFor), each with the person's 3-point self-report and the host's note.
create table casework.follow_ups (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  placement_id uuid not null,
  kind text not null check (kind in ('week1', 'month1', 'month3')),
  due_on date not null,
  done_on date,
  self_report text check (self_report in ('good', 'okay', 'hard')),
  host_note text check (length(host_note) <= 1000),
  note text check (length(note) <= 2000),
  done_by uuid references auth.users (id) on delete set null,
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (placement_id, kind),
  foreign key (placement_id, municipality_id)
    references casework.placements (id, municipality_id) on delete cascade
);
create index follow_ups_municipality_id_idx on casework.follow_ups (municipality_id, due_on) where done_on is null;
create index follow_ups_municipality_id_all_idx on casework.follow_ups (municipality_id);
create index follow_ups_placement_id_idx on casework.follow_ups (placement_id);
create trigger follow_ups_updated_at before update on casework.follow_ups
  for each row execute function private.set_updated_at();
create trigger follow_ups_version before update on casework.follow_ups
  for each row execute function private.bump_version();
