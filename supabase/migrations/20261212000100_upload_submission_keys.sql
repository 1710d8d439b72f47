-- Uploads posted twice (a double click without JavaScript, a retried request, two tabs) stored their
-- files twice. The forms that upload carry a key made when the form is rendered, as the create forms
-- do (20261211200100_form_submission_keys.sql), and a second post with the same key stores nothing more.

-- Workshop photos come with the workshop form's save, several at once: every photo of one save carries
-- its key. A save takes the workshop row's lock (its update; the photo-limit trigger takes the same one)
-- before it looks for the key, so two saves with one key go one after the other and the second finds
-- the first's photos. The index is for that look-up.
alter table public.workshop_photos add column submission_key uuid;
create index workshop_photos_submission_key_idx on public.workshop_photos (workshop_id, submission_key)
  where submission_key is not null;
comment on column public.workshop_photos.submission_key is 'Made by the workshop form: a second save with the same key adds no photos.';

-- A program application's document: one file per post.
alter table public.support_application_documents add column submission_key uuid;
create unique index support_application_documents_submission_key_idx
  on public.support_application_documents (application_id, submission_key) where submission_key is not null;
comment on column public.support_application_documents.submission_key is 'Made by the upload form: a second post with the same key is the same document.';

-- An order's move, with its files (sample photos, shipping papers): a second post of the same move was
-- refused by the state the first had left ("cannot be done in the current state") though it had been
-- done. The move writes its form's key on the order; a second post finds it and answers as the first
-- (the update also skips an order already carrying the key, for a second post waiting on the first).
alter table public.orders add column move_key uuid;
grant update (move_key) on public.orders to authenticated;
comment on column public.orders.move_key is 'Made by the form of the last move: a second post of that move answers as the first.';

-- A quote (new or revised) with its files: a second post of the same form made a second revision and
-- stored the files again. The form's key is written on the quote by the submit or the revision it made;
-- a second post finds it and answers as the first.
alter table public.quotes add column submission_key uuid;
create unique index quotes_submission_key_idx on public.quotes (workshop_id, submission_key) where submission_key is not null;
grant insert (submission_key), update (submission_key) on public.quotes to authenticated;
comment on column public.quotes.submission_key is 'Made by the quote form: a second post with the same key is the same quote or revision.';
