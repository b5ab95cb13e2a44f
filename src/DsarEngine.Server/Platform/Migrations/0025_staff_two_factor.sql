-- The inbox's second factor. The TOTP key is sealed with the data key (AES-256-GCM, bound to the user's id): the
-- key id and nonce sit beside it in authenticator_key. Recovery codes are stored as SHA-256 hashes only, each
-- usable once.
ALTER TABLE staff_users
    ADD COLUMN authenticator_key_id    text,
    ADD COLUMN authenticator_nonce     bytea,
    ADD COLUMN recovery_code_hashes    text[] NOT NULL DEFAULT '{}';
