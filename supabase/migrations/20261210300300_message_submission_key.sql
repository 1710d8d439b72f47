-- A message posted twice (a double click without JavaScript, a retried request) is sent once: the
-- composer sends a key made for this one message, and a second insert with the same sender and key
-- finds the first (as requests' submission_key does).
alter table public.messages add column submission_key uuid;
create unique index messages_submission_key_idx on public.messages (sender_id, submission_key) where submission_key is not null;
grant insert (submission_key) on public.messages to authenticated;
comment on column public.messages.submission_key is 'Made by the composer for one message: a second post with the same key is the same message.';
