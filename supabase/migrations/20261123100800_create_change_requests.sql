-- The moderation queue: an organisation asks for a new listing to be published, or for a
-- change to a published one; a moderator of the municipality approves or sends it back with a
-- reason the organisation sees. `base` is what the organisation saw (with its version), so
-- the moderator sees a field-by-field diff and a request made against an older version is
-- caught instead of silently undoing someone else's change.
create table public.change_requests (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null,
  organization_id uuid not null,
  place_id uuid not null,
  -- new_listing: publish a submitted place; place: change its fields or location;
  -- activity: add (activity_id null), change or remove one of its activities
  kind text not null check (kind in ('new_listing', 'place', 'activity')),
  action text not null default 'update' check (action in ('create', 'update', 'delete')),
  activity_id uuid,
  base_version integer,
  base jsonb,
  proposed jsonb,
  note text check (length(note) <= 1000),
  status text not null default 'pending' check (status in ('pending', 'approved', 'returned', 'withdrawn')),
  reason text check (length(reason) <= 1000),
  decided_by uuid references auth.users (id) on delete set null,
  decided_at timestamptz,
  version integer not null default 1,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  foreign key (place_id, organization_id, municipality_id)
    references public.places (id, organization_id, municipality_id) on delete cascade on update cascade,
  check (status <> 'returned' or length(btrim(reason)) > 0),
  check (kind = 'activity' or activity_id is null),
  check (kind <> 'new_listing' or action = 'update'),
  check (action = 'delete' or proposed is not null or kind = 'new_listing')
);
create index change_requests_place_id_idx on public.change_requests (place_id, created_at desc);
create index change_requests_organization_id_idx on public.change_requests (organization_id);
create index change_requests_municipality_id_idx on public.change_requests (municipality_id, status);
create index change_requests_status_idx on public.change_requests (status, created_at);
-- one open request per thing: a second edit updates the pending request instead
create unique index change_requests_one_pending_idx on public.change_requests
  (place_id, kind, coalesce(activity_id, '00000000-0000-0000-0000-000000000000'::uuid)) where status = 'pending';
create trigger change_requests_updated_at before update on public.change_requests
  for each row execute function private.set_updated_at();
create trigger change_requests_version before update on public.change_requests
  for each row execute function private.bump_version();
create trigger change_requests_created_by before insert on public.change_requests
  for each row execute function private.set_created_by();

-- Members may edit their pending request or withdraw it; only moderators decide, and the
-- decision is stamped with who and when.
create function private.guard_change_request() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  moderator boolean;
begin
  if current_user <> 'authenticated' then
    return new;
  end if;
  moderator := new.municipality_id = any (private.user_municipality_ids('{moderator}'));
  if tg_op = 'INSERT' then
    if new.status <> 'pending' or new.decided_by is not null or new.decided_at is not null or new.reason is not null then
      raise exception 'a new request is pending and undecided' using errcode = '42501';
    end if;
    return new;
  end if;
  if new.place_id <> old.place_id or new.kind <> old.kind or new.action <> old.action
    or new.activity_id is distinct from old.activity_id or new.created_by is distinct from old.created_by then
    raise exception 'a request keeps what it is about' using errcode = '42501';
  end if;
  if new.status is distinct from old.status then
    if old.status <> 'pending' then
      raise exception 'a decided request stays decided' using errcode = '42501';
    end if;
    if new.status in ('approved', 'returned') then
      if not moderator then
        raise exception 'only moderators decide requests' using errcode = '42501';
      end if;
      new.decided_by := (select auth.uid());
      new.decided_at := now();
    end if;
  elsif new.decided_by is distinct from old.decided_by or new.decided_at is distinct from old.decided_at
    or new.reason is distinct from old.reason then
    raise exception 'only a decision changes the decision fields' using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger change_requests_guard before insert or update on public.change_requests
  for each row execute function private.guard_change_request();

alter table public.change_requests enable row level security;
alter table public.change_requests force row level security;
grant select, insert, update on public.change_requests to authenticated;

create policy "members and municipal staff read requests" on public.change_requests
  for select to authenticated
  using (
    organization_id = any ((select private.user_organization_ids())::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{moderator,coordinator,admin}'))::uuid[])
  );
create policy "members and moderators file requests" on public.change_requests
  for insert to authenticated
  with check (
    organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  );
create policy "members update or withdraw pending requests, moderators decide" on public.change_requests
  for update to authenticated
  using (
    (organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[]) and status = 'pending')
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  )
  with check (
    (organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[]) and status in ('pending', 'withdrawn'))
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  );
