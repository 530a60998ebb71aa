-- The back office of 参加支援: participants, their placements and follow-ups, and the access log.
-- A schema of its own that PostgREST never exposes (ARCHITECTURE §1), reachable only by
-- `authenticated` and, like every table, decided by RLS. anon has no usage at all.
create schema if not exists casework;
revoke all on schema casework from public;
grant usage on schema casework to authenticated;

-- Openings gain what the matching engine compares with a participant: interests (taxonomy tags
-- such as 'books', 'farming') and goals (居場所, 仲間づくり, ボランティア, 就労準備, 趣味).
alter table public.openings
  add column interests text[] not null default '{}'
    check (cardinality(interests) <= 20 and array_to_string(interests, ',') ~ '^[a-z_,]*$'),
  add column goals text[] not null default '{}'
    check (goals <@ array['ibasho', 'friends', 'volunteer', 'work_prep', 'hobby']);
-- placements reference an opening together with its municipality, so a placement cannot point
-- into another town
alter table public.openings add constraint openings_id_municipality_id_key unique (id, municipality_id);

-- Host reply links (placements) join the signed links.
alter table private.signed_links drop constraint signed_links_purpose_check;
alter table private.signed_links add constraint signed_links_purpose_check
  check (purpose in ('email_confirmation', 'freshness', 'host_reply'));
