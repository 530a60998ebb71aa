-- Keyword search that forgives how Japanese is typed: NFKC (全角/半角), lower case, and
-- hiragana folded to katakana (こども ≈ コドモ). A trigram index serves terms of 3+ characters;
-- shorter terms still match (by scan), which is fine at a municipality's scale.

create function private.search_fold(t text) returns text
language sql immutable parallel safe
set search_path = ''
as $$
  select translate(
    lower(normalize(coalesce(t, ''), nfkc)),
    'ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわゐゑをんゔゕゖ',
    'ァアィイゥウェエォオカガキギクグケゲコゴサザシジスズセゼソゾタダチヂッツヅテデトドナニヌネノハバパヒビピフブプヘベペホボポマミムメモャヤュユョヨラリルレロヮワヰヱヲンヴヵヶ'
  )
$$;
grant execute on function private.search_fold(text) to authenticated;

alter table public.places add column search_text text generated always as (
  private.search_fold(
    name || ' ' || coalesce(name_kana, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(description, '')
    || ' ' || coalesce(venue_name, '') || ' ' || coalesce(public_address, '')
  )
) stored;
create index places_search_text_idx on public.places using gin (search_text extensions.gin_trgm_ops);
