-- Where an imported listing came from: the 社協's file, the row, the values as they were in
-- it, and who imported it. Kept for as long as the listing; written once by the importing
-- moderator, never changed.
create table public.place_provenance (
  place_id uuid primary key,
  organization_id uuid not null,
  municipality_id uuid not null,
  source text not null check (source in ('import')),
  file_name text not null check (length(file_name) between 1 and 200),
  row_number integer not null check (row_number between 1 and 100000),
  original jsonb not null check (jsonb_typeof(original) = 'object' and length(original::text) <= 20000),
  imported_by uuid references auth.users (id) on delete set null,
  imported_at timestamptz not null default now(),
  foreign key (place_id, organization_id, municipality_id)
    references public.places (id, organization_id, municipality_id) on delete cascade on update cascade
);
create index place_provenance_organization_id_idx on public.place_provenance (organization_id);
create index place_provenance_municipality_id_idx on public.place_provenance (municipality_id);

create function private.stamp_importer() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  new.imported_by := coalesce((select auth.uid()), new.imported_by);
  new.imported_at := now();
  return new;
end
$$;
create trigger place_provenance_stamp before insert on public.place_provenance
  for each row execute function private.stamp_importer();

alter table public.place_provenance enable row level security;
alter table public.place_provenance force row level security;
grant select, insert on public.place_provenance to authenticated;

create policy "members and municipal staff read provenance" on public.place_provenance
  for select to authenticated
  using (
    organization_id = any ((select private.user_organization_ids())::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{moderator,coordinator,admin}'))::uuid[])
  );
create policy "moderators record provenance" on public.place_provenance
  for insert to authenticated
  with check (municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[]));
