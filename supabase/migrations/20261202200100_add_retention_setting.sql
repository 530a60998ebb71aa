-- Issue 13: how long a municipality keeps the record of who read case data. Five years unless it
-- decides otherwise; never under three (some records must be kept at least that long).
alter table public.municipalities
  add column access_log_retention_years smallint not null default 5
  check (access_log_retention_years between 3 and 30);

comment on column public.municipalities.access_log_retention_years is
  'Years the access log (casework.access_log) is kept before the retention job deletes it; 3 to 30, default 5.';
