-- Extensions the migrations use, in Supabase's `extensions` schema. A fresh Supabase project
-- enables only pgcrypto and uuid-ossp, and our runner skips baseline.sql there, so the
-- migrations create what they need themselves (idempotent: plain PostgreSQL and PGlite already
-- have them from baseline.sql). postgis: geography columns; pg_trgm: place search;
-- pgcrypto: extensions.digest for invitation nonces.
create schema if not exists extensions;
grant usage on schema extensions to anon, authenticated;
create extension if not exists postgis with schema extensions;
create extension if not exists pg_trgm with schema extensions;
create extension if not exists pgcrypto with schema extensions;

-- The application's login role and private schema.
--
-- tsunagari_app is what the server logs in as (DATABASE_URL). It is `noinherit` and only
-- *granted* anon and authenticated: a query that forgot `set local role` runs with no table
-- privilege at all and fails with "permission denied" instead of seeing every row.
-- Its password is set out of band (see README); migrations run as the owning role.
do $$
begin
  if not exists (select from pg_roles where rolname = 'tsunagari_app') then
    create role tsunagari_app login noinherit;
  end if;
end
$$;
grant anon, authenticated to tsunagari_app;
alter role tsunagari_app set search_path to public, extensions;

-- Helpers used inside policies live here; PostgREST never exposes this schema.
create schema if not exists private;
revoke all on schema private from public;
grant usage on schema private to authenticated;

-- Nothing we create is executable by everyone unless we grant it. (Per-schema defaults can
-- only add to the global default, so the revoke has to be the global one.)
alter default privileges revoke execute on functions from public;
-- A Supabase project grants anon and authenticated ALL — TRUNCATE included, which RLS does not
-- govern — on every table, sequence and function its owner creates in public. Here nothing
-- is granted that a migration does not grant by name, next to the policies it serves. (No-ops
-- on plain PostgreSQL and PGlite, which have no such defaults; the schema lints check both.)
alter default privileges in schema public revoke all on tables from public, anon, authenticated;
alter default privileges in schema public revoke all on sequences from public, anon, authenticated;
alter default privileges in schema public revoke all on functions from public, anon, authenticated;
revoke create on schema public from public;
grant usage on schema public to anon, authenticated;

create type public.category as enum (
  'salon', 'ibasho', 'kodomo_shokudo', 'intermediate_work', 'kayoinoba', 'childcare_hub',
  'activity_support_center', 'study_support', 'food_support', 'volunteering', 'consultation_desk'
);
create type public.target_group as enum (
  'elderly', 'disability', 'children', 'parents', 'poverty', 'youth', 'hikikomori', 'anyone'
);
create type public.accommodation as enum (
  'solo_ok', 'observe_ok', 'no_reservation', 'no_talking_ok', 'leave_early_ok', 'small_group',
  'barrier_free', 'pickup', 'short_time_ok', 'companion_ok', 'quiet', 'travel_expenses', 'wage'
);
create type public.venue_type as enum (
  'community_center', 'meeting_hall', 'vacant_house', 'temple', 'shrine', 'church', 'shop',
  'welfare_facility', 'school', 'park', 'public_office', 'private_home', 'other'
);
create type public.organization_kind as enum (
  'shakyo', 'municipal_dept', 'npo', 'neighborhood_assoc', 'corporation', 'company',
  'volunteer_group', 'agency'
);
create type public.membership_role as enum ('volunteer', 'moderator', 'coordinator', 'agency_staff', 'admin');
create type public.area_kind as enum ('sphere', 'district', 'school_district', 'neighborhood', 'chome');
create type public.disclosure_level as enum ('exact', 'approximate', 'contact_only');
create type public.place_status as enum ('draft', 'submitted', 'published', 'archived');
create type public.opening_status as enum ('open', 'paused', 'closed');
create type public.opening_visibility as enum ('public', 'coordinators');
create type public.holiday_policy as enum ('skip', 'hold');
