-- Every replica serves the published content from memory. A workflow step records a version_event in the transaction
-- that makes it (the latest event id is the content's revision), so a statement that records events also notifies
-- channel fmb_content_changed; PostgreSQL delivers that once the transaction commits, and every replica listening
-- (ChangeNotifications) rebuilds its picture within a second instead of at its next timer.
create function notify_content_changed() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('fmb_content_changed', '');
    return null;
end
$$;

create trigger version_event_notifies
    after insert on version_event
    for each statement
execute function notify_content_changed();
