-- Who looked at or changed which participant record, and when (ARCHITECTURE §6.12).
-- Append-only: authenticated may insert its own reads (the server does, in the same transaction
-- as the read); changes are written by triggers; nobody has an update or delete grant.
-- No foreign keys, so a deleted record keeps its trail.
create table casework.access_log (
  id bigint generated always as identity primary key,
  municipality_id uuid not null,
  -- the user; null for the system path (a host's reply link, a background job)
  actor_id uuid default auth.uid(),
  -- 'user', 'host_link' or 'system'
  actor_kind text not null default 'user' check (actor_kind in ('user', 'host_link', 'system')),
  action text not null check (action in ('view', 'list', 'create', 'update', 'delete', 'export')),
  record_type text not null check (record_type in ('participant', 'participant_name', 'assignment', 'placement', 'follow_up', 'numbers')),
  record_id uuid,
  -- the participant the record belongs to, so a person's whole trail is one look-up
  participant_id uuid,
  at timestamptz not null default now()
);
create index access_log_municipality_id_idx on casework.access_log (municipality_id, at desc);
create index access_log_participant_id_idx on casework.access_log (participant_id, at desc);
create index access_log_actor_id_idx on casework.access_log (actor_id);

create function private.log_casework_change() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  r record := case when tg_op = 'DELETE' then old else new end;
  kind constant text := tg_argv[0];
  via constant text := coalesce(nullif(current_setting('tsunagari.via', true), ''), '');
  pid uuid;
  rid uuid;
begin
  case kind
    when 'participant' then pid := r.id; rid := r.id;
    when 'participant_name' then pid := r.participant_id; rid := r.participant_id;
    when 'assignment' then pid := r.participant_id; rid := r.user_id;
    when 'placement' then pid := r.participant_id; rid := r.id;
    when 'follow_up' then
      rid := r.id;
      select p.participant_id into pid from casework.placements p where p.id = r.placement_id;
  end case;
  insert into casework.access_log (municipality_id, actor_id, actor_kind, action, record_type, record_id, participant_id)
  values (
    r.municipality_id,
    (select auth.uid()),
    case when (select auth.uid()) is not null then 'user' when via = 'host_link' then 'host_link' else 'system' end,
    case tg_op when 'INSERT' then 'create' when 'UPDATE' then 'update' else 'delete' end,
    kind, rid, pid
  );
  return null;
end
$$;
create trigger participants_log after insert or update or delete on casework.participants
  for each row execute function private.log_casework_change('participant');
create trigger participant_names_log after insert or update or delete on casework.participant_names
  for each row execute function private.log_casework_change('participant_name');
create trigger participant_coordinators_log after insert or update or delete on casework.participant_coordinators
  for each row execute function private.log_casework_change('assignment');
create trigger placements_log after insert or update or delete on casework.placements
  for each row execute function private.log_casework_change('placement');
create trigger follow_ups_log after insert or update or delete on casework.follow_ups
  for each row execute function private.log_casework_change('follow_up');
