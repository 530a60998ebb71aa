-- The single-use half of the signed links the app mails (e-mail confirmation, the one-tap
-- 「変わりありません」 link). The link itself is a JWT signed by the server (purpose, subject,
-- expiry, and this row's id as jti); the row makes it single-use and revocable.
-- Read and written only by the system path of the handlers that have no user yet:
-- RLS on, no policy, no grant.
create table private.signed_links (
  id uuid primary key default gen_random_uuid(),
  purpose text not null check (purpose in ('email_confirmation', 'freshness')),
  -- the user (email_confirmation) or the place (freshness)
  subject_id uuid not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now(),
  check (expires_at > created_at and expires_at <= created_at + interval '60 days')
);
create index signed_links_subject_idx on private.signed_links (purpose, subject_id, created_at desc);
alter table private.signed_links enable row level security;
alter table private.signed_links force row level security;
