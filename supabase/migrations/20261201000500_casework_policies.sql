-- RLS for the 参加支援 back office. Every table: enabled and forced; a restrictive policy
-- demands a TOTP-verified session (aal2, ARCHITECTURE §6.7) before any permissive one counts.
-- Coordinators of the municipality work with participants, placements and follow-ups; a real
-- name is visible to the participant's assigned coordinators only; tenant administrators read
-- the access log, and assigned coordinators their participants' part of it. anon has no grant; volunteers and hosts have no policy.

alter table casework.participants enable row level security;
alter table casework.participants force row level security;
alter table casework.participant_coordinators enable row level security;
alter table casework.participant_coordinators force row level security;
alter table casework.participant_names enable row level security;
alter table casework.participant_names force row level security;
alter table casework.placements enable row level security;
alter table casework.placements force row level security;
alter table casework.follow_ups enable row level security;
alter table casework.follow_ups force row level security;
alter table casework.access_log enable row level security;
alter table casework.access_log force row level security;

grant select, insert, update, delete on casework.participants, casework.participant_names to authenticated;
grant select, insert, delete on casework.participant_coordinators to authenticated;
grant select, insert, update on casework.placements, casework.follow_ups to authenticated;
grant select, insert on casework.access_log to authenticated;

create policy "participant data needs a verified second factor" on casework.participants
  as restrictive for all to authenticated
  using (((select auth.jwt()) ->> 'aal') = 'aal2') with check (((select auth.jwt()) ->> 'aal') = 'aal2');
create policy "assignments need a verified second factor" on casework.participant_coordinators
  as restrictive for all to authenticated
  using (((select auth.jwt()) ->> 'aal') = 'aal2') with check (((select auth.jwt()) ->> 'aal') = 'aal2');
create policy "real names need a verified second factor" on casework.participant_names
  as restrictive for all to authenticated
  using (((select auth.jwt()) ->> 'aal') = 'aal2') with check (((select auth.jwt()) ->> 'aal') = 'aal2');
create policy "placements need a verified second factor" on casework.placements
  as restrictive for all to authenticated
  using (((select auth.jwt()) ->> 'aal') = 'aal2') with check (((select auth.jwt()) ->> 'aal') = 'aal2');
create policy "follow-ups need a verified second factor" on casework.follow_ups
  as restrictive for all to authenticated
  using (((select auth.jwt()) ->> 'aal') = 'aal2') with check (((select auth.jwt()) ->> 'aal') = 'aal2');
create policy "the access log needs a verified second factor" on casework.access_log
  as restrictive for all to authenticated
  using (((select auth.jwt()) ->> 'aal') = 'aal2') with check (((select auth.jwt()) ->> 'aal') = 'aal2');

-- participants ------------------------------------------------------------------------------
create policy "coordinators read participants of their municipality" on casework.participants
  for select to authenticated
  using (municipality_id = any ((select private.user_municipality_ids('{coordinator}'))::uuid[]));
create policy "coordinators add participants to their municipality" on casework.participants
  for insert to authenticated
  with check (municipality_id = any ((select private.user_municipality_ids('{coordinator}'))::uuid[]));
create policy "coordinators update participants of their municipality" on casework.participants
  for update to authenticated
  using (municipality_id = any ((select private.user_municipality_ids('{coordinator}'))::uuid[]))
  with check (municipality_id = any ((select private.user_municipality_ids('{coordinator}'))::uuid[]));
create policy "assigned coordinators delete their participants" on casework.participants
  for delete to authenticated
  using (id = any ((select private.assigned_participant_ids())::uuid[]));

-- participant_coordinators -------------------------------------------------------------------
create policy "coordinators read assignments of their municipality" on casework.participant_coordinators
  for select to authenticated
  using (municipality_id = any ((select private.user_municipality_ids('{coordinator}'))::uuid[]));
create policy "assigned coordinators add colleagues" on casework.participant_coordinators
  for insert to authenticated
  with check (
    participant_id = any ((select private.assigned_participant_ids())::uuid[])
    and municipality_id = any ((select private.user_municipality_ids('{coordinator}'))::uuid[])
  );
create policy "assigned coordinators remove assignments" on casework.participant_coordinators
  for delete to authenticated
  using (participant_id = any ((select private.assigned_participant_ids())::uuid[]));

-- participant_names: the assigned coordinators only -------------------------------------------
create policy "assigned coordinators read real names" on casework.participant_names
  for select to authenticated
  using (participant_id = any ((select private.assigned_participant_ids())::uuid[]));
create policy "assigned coordinators record real names" on casework.participant_names
  for insert to authenticated
  with check (participant_id = any ((select private.assigned_participant_ids())::uuid[]));
create policy "assigned coordinators correct real names" on casework.participant_names
  for update to authenticated
  using (participant_id = any ((select private.assigned_participant_ids())::uuid[]))
  with check (participant_id = any ((select private.assigned_participant_ids())::uuid[]));
create policy "assigned coordinators erase real names" on casework.participant_names
  for delete to authenticated
  using (participant_id = any ((select private.assigned_participant_ids())::uuid[]));

-- placements and follow-ups: the municipality's coordinators; kept, never deleted --------------
create policy "coordinators read placements of their municipality" on casework.placements
  for select to authenticated
  using (municipality_id = any ((select private.user_municipality_ids('{coordinator}'))::uuid[]));
create policy "coordinators propose placements in their municipality" on casework.placements
  for insert to authenticated
  with check (municipality_id = any ((select private.user_municipality_ids('{coordinator}'))::uuid[]));
create policy "coordinators update placements of their municipality" on casework.placements
  for update to authenticated
  using (municipality_id = any ((select private.user_municipality_ids('{coordinator}'))::uuid[]))
  with check (municipality_id = any ((select private.user_municipality_ids('{coordinator}'))::uuid[]));

create policy "coordinators read follow-ups of their municipality" on casework.follow_ups
  for select to authenticated
  using (municipality_id = any ((select private.user_municipality_ids('{coordinator}'))::uuid[]));
create policy "coordinators schedule follow-ups in their municipality" on casework.follow_ups
  for insert to authenticated
  with check (municipality_id = any ((select private.user_municipality_ids('{coordinator}'))::uuid[]));
create policy "coordinators record follow-ups of their municipality" on casework.follow_ups
  for update to authenticated
  using (municipality_id = any ((select private.user_municipality_ids('{coordinator}'))::uuid[]))
  with check (municipality_id = any ((select private.user_municipality_ids('{coordinator}'))::uuid[]));

-- access_log ---------------------------------------------------------------------------------
create policy "coordinators log their own reads in their municipality" on casework.access_log
  for insert to authenticated
  with check (
    actor_id = (select auth.uid())
    and actor_kind = 'user'
    and action in ('view', 'list', 'export')
    and municipality_id = any ((select private.user_municipality_ids('{coordinator}'))::uuid[])
  );
create policy "tenant admins read the access log of their municipality" on casework.access_log
  for select to authenticated
  using (municipality_id = any ((select private.user_municipality_ids('{admin}'))::uuid[]));
-- so the person's own coordinator can answer 「誰が私の記録を見たのか」
create policy "assigned coordinators read the trail of their participants" on casework.access_log
  for select to authenticated
  using (participant_id = any ((select private.assigned_participant_ids())::uuid[]));
