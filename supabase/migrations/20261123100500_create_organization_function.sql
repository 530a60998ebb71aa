-- Anyone with a confirmed account may start an organisation (NPO, 町内会, ボランティア団体, …)
-- and becomes its admin. It is a function rather than a policy because the creator needs a
-- membership in an organisation that does not exist yet; it grants only 'admin' of the new
-- organisation, and never of a kind that carries municipal powers (社協, 主管課, 関係機関).
-- A new organisation is not public until a moderator approves its first listing.
create function public.create_organization(
  p_id uuid,
  p_municipality_id uuid,
  p_kind public.organization_kind,
  p_name text,
  p_name_kana text default null,
  p_description text default null,
  p_phone text default null,
  p_email text default null,
  p_website text default null
) returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  uid constant uuid := (select auth.uid());
begin
  if uid is null then
    raise exception 'sign in to create an organization' using errcode = '42501';
  end if;
  if p_kind in ('shakyo', 'municipal_dept', 'agency') then
    raise exception 'organizations of kind % are set up by the municipality', p_kind using errcode = '42501';
  end if;
  if not exists (select 1 from auth.users where id = uid and email_confirmed_at is not null) then
    raise exception 'confirm your e-mail address first' using errcode = '42501';
  end if;
  -- the same form sent twice: the organisation it created the first time
  if exists (select 1 from public.organizations where id = p_id) then
    if exists (select 1 from public.memberships where organization_id = p_id and user_id = uid and role = 'admin') then
      return p_id;
    end if;
    raise exception 'organization id already in use' using errcode = '23505';
  end if;
  if not private.take_rate('create_organization', uid::text, 5, interval '1 day') then
    raise exception 'too many new organizations today' using errcode = 'TM429';
  end if;
  insert into public.organizations (id, municipality_id, kind, name, name_kana, description, phone, email, website, is_public)
  values (p_id, p_municipality_id, p_kind, p_name, p_name_kana, p_description, p_phone, p_email, p_website, false);
  insert into public.memberships (user_id, organization_id, municipality_id, role)
  values (uid, p_id, p_municipality_id, 'admin');
  return p_id;
end
$$;
revoke execute on function public.create_organization(uuid, uuid, public.organization_kind, text, text, text, text, text, text) from public;
grant execute on function public.create_organization(uuid, uuid, public.organization_kind, text, text, text, text, text, text) to authenticated;
