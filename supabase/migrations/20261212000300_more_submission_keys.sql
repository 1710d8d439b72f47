-- The audit of the create forms for double submission (issue 11) found one post that a double click
-- repeats visibly: a cluster manager's claim invitation to an imported member, posted twice, mailed the
-- member twice and wrote the invitation into the audit trail twice. The invitation form carries a key
-- made when the page is rendered (as the create forms do, 20261211200100_form_submission_keys.sql); the
-- invitation writes it on the member, and a second post with the same key (which waits for the first's
-- row lock and then finds the key) sends nothing more and answers as the first.
alter table public.roster_members add column invite_key uuid;
grant update (invite_key) on public.roster_members to authenticated;
comment on column public.roster_members.invite_key is 'Made by the invitation form of the last invitation: a second post with the same key sends nothing more.';
