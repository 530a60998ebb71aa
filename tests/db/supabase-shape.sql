-- A database prepared the way a fresh Supabase project's is, before any migration of ours runs.
-- Written from Supabase's documentation (database roles, default privileges, the `extensions`
-- schema, "Securing your data") and GoTrue's schema (the auth tables and enums), in our own
-- words. Run as the cluster's bootstrap superuser, `supabase_admin`, against the database the
-- migrations will then be applied to as `postgres`, which — as on Supabase — is not a superuser.
--
-- What a real project has and this does not: PostgREST, GoTrue and Storage themselves, Realtime,
-- the `graphql`, `realtime`, `vault` and `storage` schemas, pg_net, pgsodium, and the supautils
-- extension (emulated below for CREATE EXTENSION only).

-- Roles (cluster-wide, so created once per cluster)
do $$
declare r text;
begin
  foreach r in array array['anon', 'authenticated'] loop
    if not exists (select from pg_roles where rolname = r) then execute format('create role %I nologin noinherit', r); end if;
  end loop;
  if not exists (select from pg_roles where rolname = 'service_role') then create role service_role nologin noinherit bypassrls; end if;
  -- PostgREST logs in as authenticator and switches to anon / authenticated / service_role per request
  if not exists (select from pg_roles where rolname = 'authenticator') then create role authenticator login noinherit; end if;
  -- the owner of the auth schema; GoTrue logs in as it
  if not exists (select from pg_roles where rolname = 'supabase_auth_admin') then create role supabase_auth_admin login noinherit createrole; end if;
  if not exists (select from pg_roles where rolname = 'supabase_storage_admin') then create role supabase_storage_admin login noinherit createrole; end if;
  if not exists (select from pg_roles where rolname = 'dashboard_user') then create role dashboard_user nologin createrole createdb replication; end if;
  -- the role a project's owner, the SQL editor and `supabase db push` use: powerful, not a superuser
  if not exists (select from pg_roles where rolname = 'postgres') then create role postgres login createrole createdb replication bypassrls; end if;
end
$$;
grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to postgres with admin option;
grant supabase_auth_admin, supabase_storage_admin to postgres;

-- The database belongs to postgres, as a project's does.
do $$ begin execute format('alter database %I owner to postgres', current_database()); end $$;

-- `public`: everyone of the API roles may use it, and whatever postgres (or supabase_admin)
-- creates there is granted to anon, authenticated and service_role in full. This is the
-- default that makes an explicit `revoke` necessary.
grant usage on schema public to postgres, anon, authenticated, service_role;
grant all on schema public to postgres;
alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public grant all on functions to anon, authenticated, service_role;

-- `extensions`: only pgcrypto and uuid-ossp are enabled in a new project.
create schema if not exists extensions authorization postgres;
grant usage on schema extensions to postgres, anon, authenticated, service_role;
create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;

-- supautils lets postgres enable the extensions Supabase allows (PostGIS among them) although
-- they need a superuser. The same effect here: before a CREATE EXTENSION of an allowed one,
-- a superuser's event trigger creates it, and the statement itself finds it there.
create or replace function extensions.create_allowed_extensions() returns event_trigger
language plpgsql security definer set search_path = pg_catalog
as $$
declare
  found text[];
begin
  -- the CREATE EXTENSION below fires this trigger again
  if current_setting('supautils.creating', true) = 'on' then return; end if;
  perform set_config('supautils.creating', 'on', true);
  for found in
    select regexp_matches(lower(current_query()), 'create\s+extension\s+(?:if\s+not\s+exists\s+)?"?([a-z_0-9-]+)"?\s+with\s+schema\s+"?([a-z_0-9]+)"?', 'g')
  loop
    if found[1] = any (array['postgis', 'pg_trgm', 'pgcrypto', 'uuid-ossp', 'btree_gist', 'unaccent'])
       and not exists (select from pg_extension where extname = found[1]) then
      execute format('create extension %I with schema %I', found[1], found[2]);
    end if;
  end loop;
  perform set_config('supautils.creating', 'off', true);
end
$$;
drop event trigger if exists supautils_allowed_extensions;
create event trigger supautils_allowed_extensions on ddl_command_start when tag in ('CREATE EXTENSION')
  execute function extensions.create_allowed_extensions();

-- `auth`: GoTrue's schema, owned by supabase_auth_admin, with GoTrue's column types.
create schema if not exists auth authorization supabase_auth_admin;
grant usage on schema auth to anon, authenticated, service_role, postgres, dashboard_user;
set role supabase_auth_admin;

do $$ begin
  create type auth.aal_level as enum ('aal1', 'aal2', 'aal3');
  create type auth.factor_type as enum ('totp', 'webauthn', 'phone');
  create type auth.factor_status as enum ('unverified', 'verified');
  create type auth.code_challenge_method as enum ('s256', 'plain');
exception when duplicate_object then null;
end $$;

create table if not exists auth.users (
  instance_id uuid,
  id uuid not null primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text unique default null,
  phone_confirmed_at timestamptz,
  phone_change text default '',
  phone_change_token varchar(255) default '',
  phone_change_sent_at timestamptz,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  email_change_token_current varchar(255) default '',
  email_change_confirm_status smallint default 0 check (email_change_confirm_status between 0 and 2),
  banned_until timestamptz,
  reauthentication_token varchar(255) default '',
  reauthentication_sent_at timestamptz,
  is_sso_user boolean not null default false,
  deleted_at timestamptz,
  is_anonymous boolean not null default false
);
-- an address is unique among password users, not across SSO identities
create unique index if not exists users_email_partial_key on auth.users (email) where is_sso_user = false;
create index if not exists users_instance_id_idx on auth.users (instance_id);

create table if not exists auth.identities (
  provider_id text not null,
  user_id uuid not null references auth.users (id) on delete cascade,
  identity_data jsonb not null,
  provider text not null,
  last_sign_in_at timestamptz,
  created_at timestamptz,
  updated_at timestamptz,
  email text generated always as (lower(identity_data ->> 'email')) stored,
  id uuid not null default gen_random_uuid() primary key,
  unique (provider_id, provider)
);
create index if not exists identities_user_id_idx on auth.identities (user_id);

create table if not exists auth.sessions (
  id uuid not null primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz,
  updated_at timestamptz,
  factor_id uuid,
  aal auth.aal_level,
  not_after timestamptz,
  refreshed_at timestamp,
  user_agent text,
  ip inet,
  tag text
);
create index if not exists sessions_user_id_idx on auth.sessions (user_id);

create table if not exists auth.refresh_tokens (
  instance_id uuid,
  id bigserial primary key,
  token varchar(255) unique,
  user_id varchar(255),
  revoked boolean,
  created_at timestamptz,
  updated_at timestamptz,
  parent varchar(255),
  session_id uuid references auth.sessions (id) on delete cascade
);

create table if not exists auth.mfa_factors (
  id uuid not null primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  friendly_name text,
  factor_type auth.factor_type not null,
  status auth.factor_status not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  secret text,
  phone text,
  last_challenged_at timestamptz unique
);
create index if not exists mfa_factors_user_id_idx on auth.mfa_factors (user_id);

create table if not exists auth.mfa_challenges (
  id uuid not null primary key,
  factor_id uuid not null references auth.mfa_factors (id) on delete cascade,
  created_at timestamptz not null,
  verified_at timestamptz,
  ip_address inet not null,
  otp_code text
);

create table if not exists auth.audit_log_entries (
  instance_id uuid,
  id uuid not null primary key,
  payload json,
  created_at timestamptz,
  ip_address varchar(64) not null default ''
);

create table if not exists auth.schema_migrations (version varchar(255) not null primary key);

-- The helpers policies call. GoTrue's JWT arrives through PostgREST as request.jwt.claims;
-- the older one-setting-per-claim form is still read first.
create or replace function auth.jwt() returns jsonb language sql stable as $$
  select coalesce(nullif(current_setting('request.jwt.claim', true), ''), nullif(current_setting('request.jwt.claims', true), ''))::jsonb
$$;
create or replace function auth.uid() returns uuid language sql stable as $$
  select coalesce(nullif(current_setting('request.jwt.claim.sub', true), ''), (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'))::uuid
$$;
create or replace function auth.role() returns text language sql stable as $$
  select coalesce(nullif(current_setting('request.jwt.claim.role', true), ''), (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role'))::text
$$;
create or replace function auth.email() returns text language sql stable as $$
  select coalesce(nullif(current_setting('request.jwt.claim.email', true), ''), (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email'))::text
$$;

reset role;

-- postgres and the dashboard may read and write the auth tables (the SQL editor can); the API
-- roles may only call the helpers.
grant all on all tables in schema auth to postgres, dashboard_user;
grant all on all sequences in schema auth to postgres, dashboard_user;
grant execute on function auth.jwt(), auth.uid(), auth.role(), auth.email() to anon, authenticated, service_role, postgres;
