-- A startup's company profile, saved twice before it existed (a double click, two tabs), made two
-- companies: the form made with no company carries a key, and a second save finds the first company.
alter table public.companies add column submission_key uuid;
create unique index companies_submission_key_idx on public.companies (owner_id, submission_key) where submission_key is not null;
comment on column public.companies.submission_key is 'Made by the company form before the company exists: a second save with the same key is the same company.';
