-- Search: the trade glossary as data (search_synonyms), an outbox that records every change search must
-- follow in the same transaction as the change, and the PostgreSQL engine's own index (search_documents
-- plus the vocabulary search_terms it corrects typos against). Meilisearch, when configured, is fed from
-- the same outbox; the PostgreSQL index is always kept up to date as the fallback.

-- ---------------------------------------------------------------- glossary
create table public.search_synonyms (
  id bigserial primary key,
  term text not null check (length(term) between 1 and 80),
  synonyms text[] not null check (cardinality(synonyms) between 1 and 50),
  created_at timestamptz not null default now(),
  created_by uuid references public.profiles (id) on delete set null
);
comment on table public.search_synonyms is 'Trade glossary for search: a term and the words a search for it should also find (jewelry ↔ 주얼리, 귀금속).';
create index search_synonyms_created_by_idx on public.search_synonyms (created_by);
alter table public.search_synonyms enable row level security;

create policy "the glossary is readable by anyone" on public.search_synonyms for select to anon using (true);
create policy "the glossary is readable by users" on public.search_synonyms for select to authenticated using (true);
create policy "managers add glossary terms" on public.search_synonyms for insert to authenticated
  with check ((select private.is_manager()) or (select private.is_operator()));
create policy "managers edit glossary terms" on public.search_synonyms for update to authenticated
  using ((select private.is_manager()) or (select private.is_operator()))
  with check ((select private.is_manager()) or (select private.is_operator()));
create policy "managers remove glossary terms" on public.search_synonyms for delete to authenticated
  using ((select private.is_manager()) or (select private.is_operator()));

-- ---------------------------------------------------------------- outbox
create table public.outbox (
  id bigserial primary key,
  topic text not null,
  key text not null,
  payload jsonb not null default '{}',
  created_at timestamptz not null default now(),
  available_at timestamptz not null default now(),
  attempts int not null default 0,
  last_error text,
  processed_at timestamptz
);
comment on table public.outbox is 'Changes that derived state (the search indexes) must follow, written in the same transaction as the change and drained by a worker (FOR UPDATE SKIP LOCKED, retried with backoff).';
-- The worker's queue: only unprocessed rows, in the order they become due.
create index outbox_pending_idx on public.outbox (available_at) where processed_at is null;
-- The triggers' coalescing lookup.
create index outbox_pending_key_idx on public.outbox (topic, key) where processed_at is null;
alter table public.outbox enable row level security;
-- No policies on purpose: only the worker (service_role, which bypasses RLS) and the triggers (security
-- definer, owned by the table owner) touch it. Revoking the privileges too keeps it that way even if a
-- policy is added by mistake: an outbox row names what changed, and users have no business reading it.
revoke all on public.outbox from anon, authenticated;
revoke all on sequence public.outbox_id_seq from anon, authenticated;

-- security definer (here and in the trigger functions below): users never touch the outbox; the
-- triggers write it on their behalf, in their transaction.
-- Queues one change unless the same change already waits untouched. The waiting row is locked (skip
-- locked) until this transaction ends, so no worker can claim it and read the data from before this
-- change; a row a worker holds right now is skipped, and a new row is queued behind it.
create or replace function private.enqueue_outbox(change_topic text, change_key text) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  perform 1 from public.outbox
  where topic = change_topic and key = change_key and processed_at is null and attempts = 0
  limit 1
  for update skip locked;
  if not found then
    insert into public.outbox (topic, key) values (change_topic, change_key);
  end if;
  -- Delivered on commit (and only then); workers listening wake up at once instead of at their next poll.
  perform pg_notify('outbox', change_topic);
end;
$$;

create or replace function private.outbox_workshop_changed() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- workshops carry their own id; memberships and photos point at one.
  if tg_table_name = 'workshops' then
    if tg_op <> 'DELETE' then perform private.enqueue_outbox('workshop.changed', new.id::text); end if;
    if tg_op <> 'INSERT' and (tg_op = 'DELETE' or old.id <> new.id) then
      perform private.enqueue_outbox('workshop.changed', old.id::text);
    end if;
  else
    if tg_op <> 'DELETE' then perform private.enqueue_outbox('workshop.changed', new.workshop_id::text); end if;
    if tg_op <> 'INSERT' and (tg_op = 'DELETE' or old.workshop_id <> new.workshop_id) then
      perform private.enqueue_outbox('workshop.changed', old.workshop_id::text);
    end if;
  end if;
  return null;
end;
$$;

create trigger workshops_outbox after insert or update or delete on public.workshops
  for each row execute function private.outbox_workshop_changed();
create trigger cluster_memberships_outbox after insert or update or delete on public.cluster_memberships
  for each row execute function private.outbox_workshop_changed();
-- Reordering photos changes the thumbnail a result card shows, so updates count too.
create trigger workshop_photos_outbox after insert or update or delete on public.workshop_photos
  for each row execute function private.outbox_workshop_changed();

-- A renamed trade or cluster changes the documents of every workshop that shows it.
create or replace function private.outbox_trade_renamed() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.enqueue_outbox('workshop.changed', w.id::text)
  from public.workshops w where w.trade_code = new.ksic_code;
  return null;
end;
$$;
create trigger trades_outbox after update on public.trades
  for each row when ((old.name_ko, old.name_en) is distinct from (new.name_ko, new.name_en))
  execute function private.outbox_trade_renamed();

create or replace function private.outbox_cluster_renamed() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.enqueue_outbox('workshop.changed', m.workshop_id::text)
  from public.cluster_memberships m where m.cluster_id = new.id and m.status = 'approved';
  return null;
end;
$$;
create trigger clusters_outbox after update on public.clusters
  for each row when (old.slug is distinct from new.slug)
  execute function private.outbox_cluster_renamed();

create or replace function private.outbox_synonyms_changed() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform private.enqueue_outbox('search.synonyms', 'all');
  return null;
end;
$$;
create trigger search_synonyms_outbox after insert or update or delete on public.search_synonyms
  for each statement execute function private.outbox_synonyms_changed();

-- Trigger functions are never called directly.
revoke all on function private.enqueue_outbox(text, text), private.outbox_workshop_changed(),
  private.outbox_trade_renamed(), private.outbox_cluster_renamed(), private.outbox_synonyms_changed()
  from public, anon, authenticated;

-- ---------------------------------------------------------------- the PostgreSQL engine's index
-- One row per searchable workshop (active, an approved member of at least one cluster), public fields
-- only. The text columns are prepared by the engine in TypeScript with the same Korean folding as the
-- queries (src/lib/domain/korean.ts): words, syllable bigrams (Korean compounds have no spaces, so
-- 주얼리 must be found inside 명가주얼리) and initial consonants (초성: ㅈㅇㄹ).
create table public.search_documents (
  workshop_id uuid primary key references public.workshops (id) on delete cascade,
  doc jsonb not null,
  -- Folded names, for the exact-name boost.
  name_norm text not null,
  name_en_norm text,
  -- Every searchable field, weighted A (name), B (trade, processes, materials, equipment,
  -- certifications), C (descriptions).
  tsv tsvector not null,
  -- The A and B fields only, and the A fields only: a match there ranks above a description match.
  key_tsv tsvector not null,
  name_tsv tsvector not null,
  -- Filters and facets.
  clusters text[] not null default '{}',
  trade_code text not null,
  processes text[] not null default '{}',
  materials text[] not null default '{}',
  district_ko text not null default '',
  verified boolean not null default false,
  master boolean not null default false,
  featured boolean not null default false,
  accepting_orders boolean not null default true,
  min_order_units int,
  lead_time_days int,
  lat double precision,
  lng double precision,
  -- featured × 2 + verified: the order of the browse list and of equally relevant results.
  boost smallint not null default 0,
  indexed_at timestamptz not null default now()
);
comment on table public.search_documents is 'The PostgreSQL search engine''s index: one document per searchable workshop (public data of approved cluster members only), written by the outbox worker.';
-- Narrow rows: the document and the text vectors live in TOAST and are read only for the rows a page
-- shows, while facet counts read plain, uncompressed columns in the heap (the engine bounds their
-- size, so a row always fits a page).
alter table public.search_documents set (toast_tuple_target = 256);
alter table public.search_documents
  alter column name_norm set storage plain, alter column name_en_norm set storage plain,
  alter column clusters set storage plain, alter column trade_code set storage plain,
  alter column processes set storage plain, alter column materials set storage plain,
  alter column district_ko set storage plain;
-- Every lookup goes through the text indexes: besides words they hold the list and flag filters
-- ('#c:jongno-jewelry', '#v:true'), the boost ('#b3') and a sampling bucket ('#s0'..'#s63'), so that
-- one GIN lookup intersects all of them. Separate indexes on the filter columns tempted the planner
-- into combining bitmaps of tens of thousands of rows for a filter that selects little.
create index search_documents_tsv_idx on public.search_documents using gin (tsv);
create index search_documents_key_tsv_idx on public.search_documents using gin (key_tsv);
create index search_documents_name_tsv_idx on public.search_documents using gin (name_tsv);
create index search_documents_name_norm_idx on public.search_documents (name_norm);
create index search_documents_name_en_norm_idx on public.search_documents (name_en_norm);
-- Radius filters and nearest-first: a box around the point prefilters, and the KNN order (<->) walks
-- outwards. Longitude is scaled by cos 36.87° = 0.8 (Korea lies between 33° and 38.6° N), so planar
-- distance on this point is within a few percent of the great-circle distance the engine sorts by.
create index search_documents_geo_idx on public.search_documents using gist (point(lng * 0.8, lat))
  where lat is not null and lng is not null;
alter table public.search_documents enable row level security;
create policy "search documents are public" on public.search_documents for select to anon using (true);
create policy "search documents are visible to users" on public.search_documents for select to authenticated using (true);
-- Written by the worker only (service_role); no write policies, and no write privileges either.
revoke insert, update, delete on public.search_documents from anon, authenticated;

-- The vocabulary of the names, trades, processes, materials, equipment and certifications that are
-- indexed, in jamo: Korean words as their parts of 2 to 4 syllables (주얼리 out of 명가주얼리), Latin
-- words whole. A query word found nowhere in the index is corrected against these (주얼라 → 주얼리).
-- Terms are added as documents are indexed and only dropped by a full reindex; a stale term costs a
-- wasted correction at worst.
create table public.search_terms (
  term text primary key,
  jamo text not null
);
comment on table public.search_terms is 'Vocabulary of the PostgreSQL search index (key fields), in jamo, for typo correction of query words.';
create index search_terms_jamo_trgm_idx on public.search_terms using gin (jamo extensions.gin_trgm_ops);
alter table public.search_terms enable row level security;
create policy "search terms are public" on public.search_terms for select to anon using (true);
create policy "search terms are visible to users" on public.search_terms for select to authenticated using (true);
revoke insert, update, delete on public.search_terms from anon, authenticated;
