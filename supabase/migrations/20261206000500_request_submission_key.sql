-- A request form carries a key made once with the empty form; a second post of the same form (a double
-- click, a browser retry, two tabs) finds the request the first one made instead of making another.
-- A probe made two requests with two concurrent identical publishes.
alter table public.requests add column submission_key uuid;
create unique index requests_submission_key on public.requests (owner_id, submission_key) where submission_key is not null;
