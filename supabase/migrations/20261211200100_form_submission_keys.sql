-- The remaining create forms carry a key made when the form is rendered; a second post of the same form
-- (a double click without JavaScript, a retried request, two tabs) finds what the first made instead of
-- making another (as requests', messages' and announcements' submission_key do). Inquiry messages use
-- messages.submission_key, which exists already.
alter table public.support_counseling add column submission_key uuid;
create unique index support_counseling_submission_key_idx on public.support_counseling (requester_id, submission_key)
  where submission_key is not null;
grant insert (submission_key) on public.support_counseling to authenticated;
comment on column public.support_counseling.submission_key is 'Made by the ask form: a second post with the same key is the same appointment.';

alter table public.support_counseling_messages add column submission_key uuid;
create unique index support_counseling_messages_submission_key_idx on public.support_counseling_messages (author_id, submission_key)
  where submission_key is not null;
grant insert (submission_key) on public.support_counseling_messages to authenticated;
comment on column public.support_counseling_messages.submission_key is 'Made by the composer: a second post with the same key is the same message.';

-- Staff's new events and machines: no author column, so the key is unique per center.
alter table public.support_events add column submission_key uuid;
create unique index support_events_submission_key_idx on public.support_events (center_id, submission_key)
  where submission_key is not null;
comment on column public.support_events.submission_key is 'Made by the new-event form: a second post with the same key is the same event.';

alter table public.support_machines add column submission_key uuid;
create unique index support_machines_submission_key_idx on public.support_machines (center_id, submission_key)
  where submission_key is not null;
comment on column public.support_machines.submission_key is 'Made by the new-machine form: a second post with the same key is the same machine.';
