-- Flyway callback: runs after every migrate (also when nothing was pending), as the database's owner, and grants the
-- service's own role its rights. The default rule covers every table of the schema, so tables that later migrations
-- add are covered too: the service reads and writes rows and uses the sequences; it owns nothing, so it cannot change
-- the schema, a trigger or a grant. Flyway's own table is read-only to it. A table that needs less says so below.
do $$
declare
    service_role constant text := '${service-role}';
begin
    if service_role = current_user then
        return; -- the service runs as the owner (one role for both): there is nothing to grant
    end if;
    -- Replicas starting at once run this together, and two GRANTs on one table at the same moment fail with "tuple
    -- concurrently updated": one at a time (the lock is held to the end of this transaction).
    perform pg_advisory_xact_lock(hashtext('afterMigrate'));
    execute format('grant select, insert, update, delete on all tables in schema public to %I', service_role);
    execute format('grant usage, select, update on all sequences in schema public to %I', service_role);
    execute format('revoke insert, update, delete, truncate on %I from %I', '${flyway:table}', service_role);

    -- The adherence upload refreshes the planner's statistics of its scratch table (ANALYZE needs MAINTAIN).
    execute format('grant maintain on adherence_episode to %I', service_role);
end
$$;
