-- Every replica holds the stored code system versions in memory (TerminologyIndex). A statement that stores, changes
-- or removes a version or a code system notifies channel code_systems_changed; PostgreSQL delivers that once the
-- transaction commits, and every replica listening (ChangeNotifications) loads what changed within a second instead
-- of at its next timer (codes.index.refresh-interval).
create function notify_code_systems_changed() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('code_systems_changed', '');
    return null;
end
$$;

create trigger code_system_version_notifies
    after insert or update or delete on code_system_version
    for each statement
execute function notify_code_systems_changed();

create trigger code_system_notifies
    after update or delete on code_system
    for each statement
execute function notify_code_systems_changed();
