-- A repeat of a certificate id is only a repeat when the content and the sender are the same; anything else is a
-- conflict. Rows stored before this migration have neither (their hash is computed from the stored answers).
alter table death_certificate
    add column content_hash varchar(64),
    add column sender       varchar(200);

comment on column death_certificate.content_hash is 'SHA-256 (hex) of the answers as canonical JSON, to tell a repeat from a clash';
comment on column death_certificate.sender is 'Who handed the certificate in: the token''s client id, or tls:<subject id> for the national platform';
