-- Every e-mail the app sends goes through the mailer port. Without an SMTP server (the demo,
-- a closed municipal network) it lands here, and the municipality's tenant administrators read
-- it in the app (/moderation/outbox). With SMTP it is still recorded, with sent_at set.
-- Written only by the mailer's system path; never updated or deleted by users.
create table private.mail_outbox (
  id uuid primary key default gen_random_uuid(),
  -- the tenant the mail belongs to; null = about an account, not yet tied to a municipality
  municipality_id uuid references public.municipalities (id) on delete cascade,
  kind text not null check (kind ~ '^[a-z_]{1,40}$'),
  to_address text not null check (length(to_address) between 3 and 254),
  subject text not null check (length(subject) between 1 and 200),
  body text not null check (length(body) between 1 and 20000),
  created_at timestamptz not null default now()
);
create index mail_outbox_municipality_id_idx on private.mail_outbox (municipality_id, created_at desc);
create index mail_outbox_created_at_idx on private.mail_outbox (created_at desc);

alter table private.mail_outbox enable row level security;
alter table private.mail_outbox force row level security;
grant select on private.mail_outbox to authenticated;

-- Account mails (sign-up confirmations) carry no municipality: on an install without SMTP
-- every tenant administrator may read them, so that someone can pass the link on.
create policy "tenant admins read their municipality's mail and account mail" on private.mail_outbox
  for select to authenticated
  using (
    municipality_id = any ((select private.user_municipality_ids('{admin}'))::uuid[])
    or (municipality_id is null and cardinality((select private.user_municipality_ids('{admin}'))::uuid[]) > 0)
  );
