-- Organisations (社協, 主管課, NPO, 町内会, 法人, 企業, ボランティア団体, 関係機関) and who acts for them.

create table public.organizations (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references public.municipalities (id) on delete cascade,
  kind public.organization_kind not null,
  name text not null check (length(name) between 1 and 100),
  name_kana text check (length(name_kana) <= 100),
  description text check (length(description) <= 2000),
  phone text check (phone ~ '^[0-9]{2,5}-[0-9]{1,4}-[0-9]{3,4}$'),
  email text check (length(email) <= 254 and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  website text check (length(website) <= 500 and website ~ '^https?://'),
  -- shown to the public on place pages
  is_public boolean not null default true,
  -- a trusted organisation's changes to published listings go live without review (issue 4)
  trusted boolean not null default false,
  version integer not null default 1,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, municipality_id)
);
create index organizations_municipality_id_idx on public.organizations (municipality_id);
create index organizations_is_public_idx on public.organizations (is_public);
create trigger organizations_updated_at before update on public.organizations
  for each row execute function private.set_updated_at();
create trigger organizations_version before update on public.organizations
  for each row execute function private.bump_version();
create trigger organizations_created_by before insert on public.organizations
  for each row execute function private.set_created_by();

create table public.memberships (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  organization_id uuid not null,
  municipality_id uuid not null,
  role public.membership_role not null,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (user_id, organization_id, role),
  -- the municipality is the organisation's: copied so policies need no join
  foreign key (organization_id, municipality_id)
    references public.organizations (id, municipality_id) on delete cascade on update cascade
);
create index memberships_user_id_idx on public.memberships (user_id);
create index memberships_organization_id_idx on public.memberships (organization_id);
create index memberships_municipality_id_idx on public.memberships (municipality_id);
create trigger memberships_created_by before insert on public.memberships
  for each row execute function private.set_created_by();

-- Municipality-wide powers come only with an organisation that may hold them:
-- moderators and coordinators work for 社協 or 主管課; agency staff for a 関係機関 (or those two).
create function private.check_membership_role_fits_kind() returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  k public.organization_kind;
begin
  select kind into k from public.organizations where id = new.organization_id;
  if new.role in ('moderator', 'coordinator') and k not in ('shakyo', 'municipal_dept') then
    raise exception 'role % is not available in an organization of kind %', new.role, k
      using errcode = '23514';
  end if;
  if new.role = 'agency_staff' and k not in ('agency', 'shakyo', 'municipal_dept') then
    raise exception 'role % is not available in an organization of kind %', new.role, k
      using errcode = '23514';
  end if;
  return new;
end
$$;
create trigger memberships_role_fits_kind before insert or update on public.memberships
  for each row execute function private.check_membership_role_fits_kind();
