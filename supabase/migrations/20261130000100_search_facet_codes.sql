-- Facet counts without a row per value: each document's facet values ('c:jongno-jewelry', 't:3311',
-- 'p:CNC 밀링', 'v:true', as in the facet_values migration) become codes from a dictionary, packed
-- into one short text per document, a character per code. A count then concatenates the packed codes
-- of the matched rows (string_agg, one step per row) and the engine tallies them: the unnest and hash
-- aggregate this replaces ran the executor once per value, ~12 values a row. Text rather than bytea:
-- text goes out as it is stored, where bytea's hex output doubled the bytes and took as long as the
-- count itself. Code n is the character U+n, past the surrogates (n + 0x800 from 0xD800 on), so the
-- first 127 codes take a byte and the first 2,047 two; the six flag values come first.
-- Codes are never reused (an identity, and no restart when the index is cleared), so a code an engine
-- has read once always means the same value.
create table public.search_facet_codes (
  code integer generated always as identity (maxvalue 1112063) primary key,
  value text not null unique
);
comment on table public.search_facet_codes is 'Dictionary of the PostgreSQL search engine''s facet values (<facet code>:<value>); search_documents.facet_codes holds a character per code.';
alter table public.search_facet_codes enable row level security;
create policy "search facet codes are public" on public.search_facet_codes for select to anon using (true);
create policy "search facet codes are visible to users" on public.search_facet_codes for select to authenticated using (true);
-- Written by the engine only (service_role); no write policies, and no write privileges either.
revoke insert, update, delete on public.search_facet_codes from anon, authenticated;
insert into public.search_facet_codes (value)
values ('v:true'), ('v:false'), ('r:true'), ('r:false'), ('a:true'), ('a:false');

alter table public.search_documents add column facet_codes text not null default '';
alter table public.search_documents alter column facet_codes set storage plain;

-- Existing documents: their values without '*' (the number of rows is the total now), in order.
insert into public.search_facet_codes (value)
select value from public.search_documents, unnest(facet_values) as value
where value <> '*' and value not in (select value from public.search_facet_codes)
group by value order by count(*) desc, value;
update public.search_documents d set facet_codes = coalesce((
  select string_agg(chr(case when c.code < 55296 then c.code else c.code + 2048 end), '' order by u.at)
  from unnest(d.facet_values) with ordinality as u(value, at)
  join public.search_facet_codes c on c.value = u.value), '');

alter table public.search_documents drop column facet_values;
comment on column public.search_documents.facet_codes is 'The document''s facet values as codes of public.search_facet_codes, one character each (U+code, past the surrogates), no repeats.';
