-- Search that finds what people type (issue 10 item 1). Keywords are expanded by the server into
-- their 表記ゆれ and matched against a place's own text, the labels of its category, targets and
-- 配慮 (from the message catalogue, passed as codes) and the names of the areas it lies in; areas
-- carry their name folded the way places.search_text is.
alter table public.areas add column search_name text generated always as (private.search_fold(name)) stored;

-- Searches that found nothing, counted for the unmet-need report: one row per municipality,
-- Japan day and keyword text, with how many times it was searched. Nothing about who searched
-- (no user, session, address or time of day) is kept. The keyword text is kept only when it is
-- at most 20 characters after folding and holds no digit or @ (phone numbers, addresses and mail
-- addresses); the server applies the same rule (domain/places/keywords.ts missKey).
create table public.search_misses (
  municipality_id uuid not null references public.municipalities (id) on delete cascade,
  day date not null,
  query text not null check (length(query) between 1 and 20 and query = btrim(query) and query !~ '[0-9@＠]'),
  count integer not null default 1 check (count > 0),
  primary key (municipality_id, day, query)
);

alter table public.search_misses enable row level security;
alter table public.search_misses force row level security;
revoke all on public.search_misses from public, anon, authenticated;
grant select on public.search_misses to authenticated;

create policy "moderators and tenant admins read search misses" on public.search_misses
  for select to authenticated
  using (municipality_id = any ((select private.user_municipality_ids('{moderator,admin}'))::uuid[]));

-- The one write: add one to today's count of a keyword that found nothing. The municipality is
-- the searched area's, or the only one with published places when no area was chosen (a search
-- of several towns at once is not counted). At most 500 distinct keywords per town and day, so
-- the table stays small whoever calls it; rows older than two years go as new ones come.
create function public.count_search_miss(p_query text, p_area_id uuid) returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  q text := btrim(regexp_replace(private.search_fold(left(p_query, 100)), '\s+', ' ', 'g'));
  d date := (now() at time zone 'Asia/Tokyo')::date;
  muni uuid;
begin
  if q = '' or length(q) > 20 or q ~ '[0-9@＠]' then
    return;
  end if;
  if p_area_id is not null then
    select a.municipality_id into muni from public.areas a where a.id = p_area_id;
  else
    select min(p.municipality_id::text)::uuid into muni from public.places p
      where p.status = 'published' having count(distinct p.municipality_id) = 1;
  end if;
  if muni is null then
    return;
  end if;
  if not exists (select 1 from public.search_misses s where s.municipality_id = muni and s.day = d and s.query = q)
     and (select count(*) from public.search_misses s where s.municipality_id = muni and s.day = d) >= 500 then
    return;
  end if;
  -- kept two years: enough for a yearly report and its comparison, no longer
  delete from public.search_misses s where s.municipality_id = muni and s.day < d - 730;
  insert into public.search_misses (municipality_id, day, query) values (muni, d, q)
  on conflict (municipality_id, day, query) do update set count = public.search_misses.count + 1;
end
$$;
revoke execute on function public.count_search_miss(text, uuid) from public;
grant execute on function public.count_search_miss(text, uuid) to anon, authenticated;
