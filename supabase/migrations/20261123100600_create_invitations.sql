-- Invitations to join an organisation as a volunteer: a signed, expiring, single-use link
-- that the organisation's admin hands over or mails. The link carries a nonce; only its
-- SHA-256 is stored, so a row read by an admin cannot be turned back into a working link.
create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  organization_id uuid not null,
  municipality_id uuid not null,
  -- whom it was mailed to; when set, only that address may accept. null = a link handed over
  email text check (length(email) <= 254 and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  role public.membership_role not null default 'volunteer' check (role = 'volunteer'),
  nonce_hash text not null check (nonce_hash ~ '^[0-9a-f]{64}$'),
  expires_at timestamptz not null,
  accepted_by uuid references auth.users (id) on delete set null,
  accepted_at timestamptz,
  revoked_at timestamptz,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  foreign key (organization_id, municipality_id)
    references public.organizations (id, municipality_id) on delete cascade on update cascade,
  check (expires_at > created_at and expires_at <= created_at + interval '30 days')
);
create index invitations_organization_id_idx on public.invitations (organization_id, created_at desc);
create index invitations_municipality_id_idx on public.invitations (municipality_id);
create trigger invitations_created_by before insert on public.invitations
  for each row execute function private.set_created_by();

alter table public.invitations enable row level security;
alter table public.invitations force row level security;
-- Admins may only revoke an invitation; acceptance is the function's.
grant select, insert, delete on public.invitations to authenticated;
grant update (revoked_at) on public.invitations to authenticated;

create policy "organization admins and tenant admins read invitations" on public.invitations
  for select to authenticated
  using (
    organization_id = any ((select private.user_organization_ids('{admin}'))::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{admin}'))::uuid[])
  );
create policy "organization admins and tenant admins invite, unaccepted" on public.invitations
  for insert to authenticated
  with check (
    (organization_id = any ((select private.user_organization_ids('{admin}'))::uuid[])
      or municipality_id = any ((select private.user_municipality_ids('{admin}'))::uuid[]))
    and accepted_at is null and accepted_by is null and revoked_at is null
  );
create policy "organization admins and tenant admins revoke invitations" on public.invitations
  for update to authenticated
  using (
    organization_id = any ((select private.user_organization_ids('{admin}'))::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{admin}'))::uuid[])
  )
  with check (
    organization_id = any ((select private.user_organization_ids('{admin}'))::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{admin}'))::uuid[])
  );
create policy "organization admins and tenant admins delete invitations" on public.invitations
  for delete to authenticated
  using (
    organization_id = any ((select private.user_organization_ids('{admin}'))::uuid[])
    or municipality_id = any ((select private.user_municipality_ids('{admin}'))::uuid[])
  );

-- The signed-in user joins with the link's invitation id and nonce (the server has already
-- checked the link's signature and expiry). Returns joined | already | invalid | expired |
-- used | revoked | wrong_account.
create function public.accept_invitation(p_id uuid, p_nonce text) returns text
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid constant uuid := (select auth.uid());
  inv public.invitations;
  user_email text;
begin
  if uid is null then
    raise exception 'sign in to accept an invitation' using errcode = '42501';
  end if;
  select * into inv from public.invitations where id = p_id for update;
  if not found or inv.nonce_hash <> encode(extensions.digest(coalesce(p_nonce, ''), 'sha256'), 'hex') then
    return 'invalid';
  end if;
  if inv.accepted_at is not null then
    return case when inv.accepted_by = uid then 'already' else 'used' end;
  end if;
  if inv.revoked_at is not null then
    return 'revoked';
  end if;
  if inv.expires_at <= now() then
    return 'expired';
  end if;
  select email into user_email from auth.users where id = uid and email_confirmed_at is not null;
  if user_email is null or (inv.email is not null and lower(inv.email) <> lower(user_email)) then
    return 'wrong_account';
  end if;
  insert into public.memberships (user_id, organization_id, municipality_id, role, created_by)
  values (uid, inv.organization_id, inv.municipality_id, inv.role, inv.created_by)
  on conflict (user_id, organization_id, role) do nothing;
  update public.invitations set accepted_by = uid, accepted_at = now() where id = p_id;
  return 'joined';
end
$$;
revoke execute on function public.accept_invitation(uuid, text) from public;
grant execute on function public.accept_invitation(uuid, text) to authenticated;
