-- Photos of a listing. The file lives in the storage port (local disk or Supabase Storage),
-- re-encoded by the server with every metadata block (EXIF, GPS) dropped; this row says which
-- listing it belongs to and whether a moderator has approved it. The public sees approved
-- photos of published listings only.
create table public.place_photos (
  id uuid primary key default gen_random_uuid(),
  place_id uuid not null,
  organization_id uuid not null,
  municipality_id uuid not null,
  storage_key text not null unique check (storage_key ~ '^[a-z0-9][a-z0-9/_-]{0,199}\.(jpg|webp)$'),
  content_type text not null check (content_type in ('image/jpeg', 'image/webp')),
  width integer not null check (width between 1 and 10000),
  height integer not null check (height between 1 and 10000),
  bytes integer not null check (bytes between 1 and 10485760),
  -- the alternative text, read aloud by screen readers
  caption text not null check (length(caption) between 1 and 100),
  approved_at timestamptz,
  approved_by uuid references auth.users (id) on delete set null,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  foreign key (place_id, organization_id, municipality_id)
    references public.places (id, organization_id, municipality_id) on delete cascade on update cascade
);
create index place_photos_place_id_idx on public.place_photos (place_id, created_at);
create index place_photos_organization_id_idx on public.place_photos (organization_id);
create index place_photos_municipality_id_idx on public.place_photos (municipality_id, approved_at);
create trigger place_photos_created_by before insert on public.place_photos
  for each row execute function private.set_created_by();

-- Approval is the moderators' (or, for a trusted organisation, its members'); approved_by is
-- whoever set approved_at.
create function private.guard_photo_approval() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user = 'authenticated'
    and new.approved_at is distinct from (case when tg_op = 'INSERT' then null else old.approved_at end)
    and not (new.municipality_id = any (private.user_municipality_ids('{moderator}')))
    and not private.organization_is_trusted(new.organization_id) then
    raise exception 'only moderators approve photos' using errcode = '42501';
  end if;
  if tg_op = 'INSERT' or new.approved_at is distinct from old.approved_at then
    new.approved_by := case when new.approved_at is null then null else (select auth.uid()) end;
  else
    new.approved_by := old.approved_by;
  end if;
  return new;
end
$$;
create trigger place_photos_guard_approval before insert or update on public.place_photos
  for each row execute function private.guard_photo_approval();

alter table public.place_photos enable row level security;
alter table public.place_photos force row level security;
grant select on public.place_photos to anon;
grant select, insert, delete on public.place_photos to authenticated;
grant update (caption, approved_at) on public.place_photos to authenticated;

create policy "the public reads approved photos of published places" on public.place_photos
  for select to anon
  using (approved_at is not null and exists (select 1 from public.places p where p.id = place_id));
create policy "members and municipal staff read photos, others approved ones" on public.place_photos
  for select to authenticated
  using (
    (approved_at is not null and exists (select 1 from public.places p where p.id = place_id and p.status = 'published'))
    or organization_id = any ((select private.user_organization_ids())::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{moderator,coordinator,admin}'))::uuid[])
  );
create policy "members and moderators add photos" on public.place_photos
  for insert to authenticated
  with check (
    organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  );
create policy "members caption unapproved photos, moderators any" on public.place_photos
  for update to authenticated
  using (
    (organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[])
      and (approved_at is null or private.organization_is_trusted(organization_id)))
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  )
  with check (
    organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  );
create policy "members and moderators remove photos" on public.place_photos
  for delete to authenticated
  using (
    organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  );
