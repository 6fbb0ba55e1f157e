-- The rate-limit buckets (Bucket4j's PostgreSQL backend, select-for-update), shared by every gateway replica, so a
-- client's budget is one budget however many replicas serve it. id names the budget and whose it is (a client's
-- subject or an address); state is Bucket4j's serialized bucket; expires_at (epoch milliseconds) is when the bucket
-- would be full again, after which the row says nothing and is removed.
create table rate_limit_bucket (
    id text primary key,
    state bytea,
    expires_at bigint
);

create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);
