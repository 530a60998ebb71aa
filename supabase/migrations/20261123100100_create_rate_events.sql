-- Rate limits for the few things people may do often and cheaply: resident suggestions,
-- sign-ups, new organisations. One row per event, keyed by a bucket and a key the server
-- derives (a hash, never a raw IP address). Only security definer functions and the system
-- path touch it: RLS on, no policy, no grant.
create table private.rate_events (
  id bigint generated always as identity primary key,
  bucket text not null check (bucket ~ '^[a-z_]{1,40}$'),
  key_hash text not null check (length(key_hash) between 1 and 128),
  at timestamptz not null default now()
);
create index rate_events_bucket_key_idx on private.rate_events (bucket, key_hash, at);
create index rate_events_at_idx on private.rate_events (at);
alter table private.rate_events enable row level security;
alter table private.rate_events force row level security;

-- Records one event when it stays within p_max events per p_window for this bucket and key,
-- and says whether it did. Concurrent callers with the same key queue on an advisory lock, so
-- two requests cannot both take the last slot.
create function private.take_rate(p_bucket text, p_key text, p_max integer, p_window interval)
returns boolean
language plpgsql
security definer
set search_path = ''
as $$
declare
  n integer;
begin
  perform pg_advisory_xact_lock(hashtextextended(p_bucket || ':' || p_key, 0));
  delete from private.rate_events where bucket = p_bucket and key_hash = p_key and at < now() - p_window;
  select count(*) into n from private.rate_events where bucket = p_bucket and key_hash = p_key;
  if n >= p_max then
    return false;
  end if;
  insert into private.rate_events (bucket, key_hash) values (p_bucket, p_key);
  return true;
end
$$;
revoke execute on function private.take_rate(text, text, integer, interval) from public;
