-- A host answers a request through a signed, single-use link, without an account. The link's
-- row lives in private.signed_links, which no user may write; a coordinator of the placement's
-- municipality gets one here. (The answer itself is taken by the server's system path, which
-- checks the link's signature and row first.)
create function private.issue_host_reply_link(p_placement_id uuid, p_expires_at timestamptz)
returns uuid
language plpgsql
security definer
set search_path = ''
as $$
declare
  link uuid;
begin
  if (select auth.uid()) is null
    or ((select auth.jwt()) ->> 'aal') is distinct from 'aal2'
    or not exists (
      select 1 from casework.placements p
      where p.id = p_placement_id and p.status = 'asked'
        and p.municipality_id = any (private.user_municipality_ids('{coordinator}'))
    )
  then
    raise exception 'not allowed to ask for this placement' using errcode = '42501';
  end if;
  insert into private.signed_links (purpose, subject_id, expires_at)
  values ('host_reply', p_placement_id, p_expires_at)
  returning id into link;
  return link;
end
$$;
revoke execute on function private.issue_host_reply_link(uuid, timestamptz) from public;
grant execute on function private.issue_host_reply_link(uuid, timestamptz) to authenticated;
