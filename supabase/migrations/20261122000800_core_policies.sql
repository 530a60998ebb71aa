-- Row Level Security for the shared core. Every table: enabled and forced (owners obey too).
-- Policies: one per command and role; helpers wrapped in (select …) so they run once per statement.

alter table public.municipalities enable row level security;
alter table public.municipalities force row level security;
alter table public.areas enable row level security;
alter table public.areas force row level security;
alter table public.organizations enable row level security;
alter table public.organizations force row level security;
alter table public.memberships enable row level security;
alter table public.memberships force row level security;
alter table public.places enable row level security;
alter table public.places force row level security;
alter table public.place_locations enable row level security;
alter table public.place_locations force row level security;
alter table public.activities enable row level security;
alter table public.activities force row level security;
alter table public.openings enable row level security;
alter table public.openings force row level security;

grant select on public.municipalities, public.areas, public.organizations, public.places,
  public.activities, public.openings to anon;
grant select on public.municipalities, public.areas, public.organizations, public.memberships,
  public.places, public.place_locations, public.activities, public.openings to authenticated;
grant update on public.municipalities to authenticated;
grant insert, update, delete on public.areas, public.organizations, public.memberships,
  public.places, public.place_locations, public.activities, public.openings to authenticated;

-- municipalities ---------------------------------------------------------------------------
create policy "anyone reads municipalities" on public.municipalities
  for select to anon, authenticated using (true);
create policy "tenant admins update their municipality" on public.municipalities
  for update to authenticated
  using (id = any ((select private.user_municipality_ids('{admin}'))::uuid[]))
  with check (id = any ((select private.user_municipality_ids('{admin}'))::uuid[]));

-- areas ------------------------------------------------------------------------------------
create policy "anyone reads areas" on public.areas
  for select to anon, authenticated using (true);
create policy "tenant admins and moderators add areas" on public.areas
  for insert to authenticated
  with check (municipality_id = any ((select private.user_municipality_ids('{admin,moderator}'))::uuid[]));
create policy "tenant admins and moderators update areas" on public.areas
  for update to authenticated
  using (municipality_id = any ((select private.user_municipality_ids('{admin,moderator}'))::uuid[]))
  with check (municipality_id = any ((select private.user_municipality_ids('{admin,moderator}'))::uuid[]));
create policy "tenant admins and moderators delete areas" on public.areas
  for delete to authenticated
  using (municipality_id = any ((select private.user_municipality_ids('{admin,moderator}'))::uuid[]));

-- organizations ----------------------------------------------------------------------------
create policy "the public reads public organizations" on public.organizations
  for select to anon using (is_public);
create policy "members and municipal staff read organizations" on public.organizations
  for select to authenticated
  using (
    is_public
    or id = any ((select private.user_organization_ids())::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{moderator,coordinator,agency_staff,admin}'))::uuid[])
  );
create policy "tenant admins and moderators add organizations" on public.organizations
  for insert to authenticated
  with check (municipality_id = any ((select private.user_municipality_ids('{admin,moderator}'))::uuid[]));
create policy "organization admins and moderators update organizations" on public.organizations
  for update to authenticated
  using (
    id = any ((select private.user_organization_ids('{admin}'))::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{admin,moderator}'))::uuid[])
  )
  with check (
    id = any ((select private.user_organization_ids('{admin}'))::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{admin,moderator}'))::uuid[])
  );
create policy "tenant admins delete organizations" on public.organizations
  for delete to authenticated
  using (municipality_id = any ((select private.user_municipality_ids('{admin}'))::uuid[]));

-- Only moderators and tenant admins decide that an organisation is trusted.
create function private.guard_organization_trust() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if current_user = 'authenticated'
    and new.trusted is distinct from (case when tg_op = 'INSERT' then false else old.trusted end)
    and not (new.municipality_id = any (private.user_municipality_ids('{admin,moderator}')))
  then
    raise exception 'only moderators may change trusted' using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger organizations_guard_trust before insert or update on public.organizations
  for each row execute function private.guard_organization_trust();

-- memberships ------------------------------------------------------------------------------
create policy "users, organization admins and tenant admins read memberships" on public.memberships
  for select to authenticated
  using (
    user_id = (select auth.uid())
    or organization_id = any ((select private.user_organization_ids('{admin}'))::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{admin}'))::uuid[])
  );
-- An organisation's admin appoints volunteers and admins of that organisation only;
-- municipality-wide roles (moderator, coordinator, agency_staff) come from the tenant admin.
create policy "organization admins and tenant admins add memberships" on public.memberships
  for insert to authenticated
  with check (
    (organization_id = any ((select private.user_organization_ids('{admin}'))::uuid[]) and role in ('volunteer', 'admin'))
    or municipality_id = any ((select private.user_municipality_ids('{admin}'))::uuid[])
  );
create policy "organization admins and tenant admins update memberships" on public.memberships
  for update to authenticated
  using (
    (organization_id = any ((select private.user_organization_ids('{admin}'))::uuid[]) and role in ('volunteer', 'admin'))
    or municipality_id = any ((select private.user_municipality_ids('{admin}'))::uuid[])
  )
  with check (
    (organization_id = any ((select private.user_organization_ids('{admin}'))::uuid[]) and role in ('volunteer', 'admin'))
    or municipality_id = any ((select private.user_municipality_ids('{admin}'))::uuid[])
  );
create policy "users leave, admins remove memberships" on public.memberships
  for delete to authenticated
  using (
    user_id = (select auth.uid())
    or (organization_id = any ((select private.user_organization_ids('{admin}'))::uuid[]) and role in ('volunteer', 'admin'))
    or municipality_id = any ((select private.user_municipality_ids('{admin}'))::uuid[])
  );

-- places -----------------------------------------------------------------------------------
create policy "the public reads published places" on public.places
  for select to anon using (status = 'published');
create policy "members and municipal staff read places" on public.places
  for select to authenticated
  using (
    status = 'published'
    or organization_id = any ((select private.user_organization_ids())::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{moderator,coordinator,admin}'))::uuid[])
  );
-- Members write their organisation's listings until they are published; publishing and
-- every later change to a published listing belong to the municipality's moderators.
create policy "members add unpublished places, moderators add any" on public.places
  for insert to authenticated
  with check (
    (organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[]) and status in ('draft', 'submitted'))
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  );
create policy "members update unpublished places, moderators any" on public.places
  for update to authenticated
  using (
    (organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[]) and status in ('draft', 'submitted'))
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  )
  with check (
    (organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[]) and status in ('draft', 'submitted'))
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  );
create policy "organization admins delete drafts, moderators any" on public.places
  for delete to authenticated
  using (
    (organization_id = any ((select private.user_organization_ids('{admin}'))::uuid[]) and status = 'draft')
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  );

-- place_locations: the exact point, never public --------------------------------------------
create function private.place_is_editable(p uuid) returns boolean
language sql stable
set search_path = ''
as $$
  select exists (select 1 from public.places where id = p and status in ('draft', 'submitted'))
$$;
revoke execute on function private.place_is_editable(uuid) from public;
grant execute on function private.place_is_editable(uuid) to authenticated;

create policy "members and municipal staff read exact locations" on public.place_locations
  for select to authenticated
  using (
    organization_id = any ((select private.user_organization_ids())::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{moderator,coordinator,admin}'))::uuid[])
  );
create policy "members add locations of unpublished places, moderators any" on public.place_locations
  for insert to authenticated
  with check (
    (organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[]) and private.place_is_editable(place_id))
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  );
create policy "members update locations of unpublished places, moderators any" on public.place_locations
  for update to authenticated
  using (
    (organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[]) and private.place_is_editable(place_id))
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  )
  with check (
    (organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[]) and private.place_is_editable(place_id))
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  );
create policy "members delete locations of unpublished places, moderators any" on public.place_locations
  for delete to authenticated
  using (
    (organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[]) and private.place_is_editable(place_id))
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  );

-- activities: visible with their place; written like their place ---------------------------
create policy "the public reads activities of published places" on public.activities
  for select to anon
  using (exists (select 1 from public.places p where p.id = place_id));
create policy "users read activities of places they can read" on public.activities
  for select to authenticated
  using (exists (select 1 from public.places p where p.id = place_id));
create policy "members add activities to unpublished places, moderators any" on public.activities
  for insert to authenticated
  with check (
    (organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[]) and private.place_is_editable(place_id))
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  );
create policy "members update activities of unpublished places, moderators any" on public.activities
  for update to authenticated
  using (
    (organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[]) and private.place_is_editable(place_id))
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  )
  with check (
    (organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[]) and private.place_is_editable(place_id))
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  );
create policy "members delete activities of unpublished places, moderators any" on public.activities
  for delete to authenticated
  using (
    (organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[]) and private.place_is_editable(place_id))
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  );

-- openings: the public sees open, public slots at published places; hosts keep them current -
create policy "the public reads open public openings" on public.openings
  for select to anon
  using (visibility = 'public' and status = 'open' and exists (select 1 from public.places p where p.id = place_id));
create policy "members and municipal staff read openings" on public.openings
  for select to authenticated
  using (
    (visibility = 'public' and status = 'open' and exists (select 1 from public.places p where p.id = place_id and p.status = 'published'))
    or organization_id = any ((select private.user_organization_ids())::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{moderator,coordinator,admin}'))::uuid[])
  );
-- Openings are operational (a host pauses one when full), so members change them without review.
create policy "members and moderators add openings" on public.openings
  for insert to authenticated
  with check (
    organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  );
create policy "members and moderators update openings" on public.openings
  for update to authenticated
  using (
    organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  )
  with check (
    organization_id = any ((select private.user_organization_ids('{volunteer,admin}'))::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  );
create policy "organization admins and moderators delete openings" on public.openings
  for delete to authenticated
  using (
    organization_id = any ((select private.user_organization_ids('{admin}'))::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{moderator}'))::uuid[])
  );
