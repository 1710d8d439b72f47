-- The notification kinds of every feature together. Reputation, the managers' console and support
-- centers were built side by side and each redefined the list with its own kinds; this is the union,
-- kept in the same order as notificationKinds in src/lib/server/mail/templates.ts.
alter domain public.notification_kind drop constraint notification_kind_check;
alter domain public.notification_kind add constraint notification_kind_check check (value in (
  'invitation', 'quote', 'quote_revision_requested', 'quote_revised', 'quote_accepted',
  'quote_not_selected', 'quote_declined', 'quote_withdrawn', 'message', 'forwarded',
  'participation_declined', 'order', 'order_payment', 'order_reminder',
  'support',
  'review_received', 'review_published', 'review_reported',
  'application', 'application_decided', 'routed', 'announcement'
));
