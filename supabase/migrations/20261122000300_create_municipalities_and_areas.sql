-- The tenant (市区町村) and its areas (圏域, 地区, 小学校区, 自治会, 町丁目), a tree per layer.

-- 全国地方公共団体コード: five digits and a check digit (modulus 11, weights 6..2).
create function private.valid_lg_code(code text) returns boolean
language sql immutable parallel safe
set search_path = ''
as $$
  select code ~ '^\d{6}$' and substr(code, 6, 1)::int = (
    11 - (
      substr(code, 1, 1)::int * 6 + substr(code, 2, 1)::int * 5 + substr(code, 3, 1)::int * 4
      + substr(code, 4, 1)::int * 3 + substr(code, 5, 1)::int * 2
    ) % 11
  ) % 10
$$;
grant execute on function private.valid_lg_code(text) to authenticated;

create table public.municipalities (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (private.valid_lg_code(code)),
  name text not null check (length(name) between 1 and 40),
  prefecture text not null check (length(prefecture) between 2 and 4),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create trigger municipalities_updated_at before update on public.municipalities
  for each row execute function private.set_updated_at();

create table public.areas (
  id uuid primary key default gen_random_uuid(),
  municipality_id uuid not null references public.municipalities (id) on delete cascade,
  parent_id uuid,
  kind public.area_kind not null,
  tier smallint check (tier in (1, 2)),
  name text not null check (length(name) between 1 and 60),
  code text check (length(code) <= 20),
  boundary extensions.geography(MultiPolygon, 4326),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (id, municipality_id),
  unique (municipality_id, kind, name),
  -- a parent lies in the same municipality
  foreign key (parent_id, municipality_id) references public.areas (id, municipality_id) on delete cascade,
  check (parent_id is null or parent_id <> id)
);
create index areas_municipality_id_idx on public.areas (municipality_id);
create index areas_parent_id_idx on public.areas (parent_id);
create index areas_boundary_idx on public.areas using gist (boundary);
create trigger areas_updated_at before update on public.areas
  for each row execute function private.set_updated_at();
