-- Sign-in attempts for the embedded session adapter's rate limit. Read and written only by
-- the server's system path: RLS on, no policy, no grant.
create table private.sign_in_attempts (
  id bigint generated always as identity primary key,
  email text not null,
  ip inet,
  succeeded boolean not null,
  attempted_at timestamptz not null default now()
);
create index sign_in_attempts_email_idx on private.sign_in_attempts (email, attempted_at);
create index sign_in_attempts_ip_idx on private.sign_in_attempts (ip, attempted_at);
alter table private.sign_in_attempts enable row level security;
alter table private.sign_in_attempts force row level security;
