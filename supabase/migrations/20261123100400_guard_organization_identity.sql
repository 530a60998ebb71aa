-- An organisation's kind and municipality decide which roles its members may hold (the admin
-- of a 主管課 is a tenant administrator; 社協 hosts moderators and coordinators). So only the
-- municipality's tenant administrators move an organisation into or out of those kinds, or to
-- another municipality; an organisation's own admin or a moderator may not.
create function private.guard_organization_identity() returns trigger
language plpgsql
set search_path = ''
as $$
declare
  powerful constant public.organization_kind[] := '{shakyo,municipal_dept,agency}';
  admin_of uuid[];
begin
  if current_user <> 'authenticated' then
    return new;
  end if;
  admin_of := private.user_municipality_ids('{admin}');
  if tg_op = 'INSERT' then
    if new.kind = any (powerful) and not (new.municipality_id = any (admin_of)) then
      raise exception 'only tenant administrators add organizations of kind %', new.kind using errcode = '42501';
    end if;
    return new;
  end if;
  if new.municipality_id is distinct from old.municipality_id
    and not (old.municipality_id = any (admin_of) and new.municipality_id = any (admin_of)) then
    raise exception 'only tenant administrators move an organization' using errcode = '42501';
  end if;
  if new.kind is distinct from old.kind and (new.kind = any (powerful) or old.kind = any (powerful))
    and not (new.municipality_id = any (admin_of)) then
    raise exception 'only tenant administrators change an organization to or from kind %', old.kind using errcode = '42501';
  end if;
  return new;
end
$$;
create trigger organizations_guard_identity before insert or update on public.organizations
  for each row execute function private.guard_organization_identity();
