-- Search glossary: letterpress (활판 인쇄), which the trade glossary lacked: a search for "letterpress"
-- found nothing in Cheongju although shops there list 활판 인쇄 or 레터프레스. Added unless a manager
-- already added the term. Mirrors DEFAULT_GLOSSARY in src/lib/domain/glossary.ts (glossary.test.ts).

insert into public.search_synonyms (term, synonyms)
select term, synonyms from (values
  ('letterpress', array['활판 인쇄', '활판', '레터프레스'])
) as added (term, synonyms)
where not exists (select 1 from public.search_synonyms s where s.term = added.term);
