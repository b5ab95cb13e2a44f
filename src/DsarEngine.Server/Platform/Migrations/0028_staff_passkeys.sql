-- The inbox's passkeys (WebAuthn, ASP.NET Core Identity's IUserPasskeyStore). A passkey belongs to one person of one
-- organisation: the composite key to staff_users keeps its tenant the person's own, so no row can tie one
-- organisation's credential to another's person. A credential id is unique across the whole engine: signing in with a
-- passkey looks the person up by it, before any organisation is named. Only public material is stored (the public key,
-- the attestation and client data as the browser sent them); the private key never leaves the authenticator.
ALTER TABLE staff_users ADD CONSTRAINT staff_users_tenant_id_id_key UNIQUE (tenant_id, id);

CREATE TABLE staff_passkeys (
    credential_id      bytea PRIMARY KEY CHECK (octet_length(credential_id) BETWEEN 1 AND 1023),
    tenant_id          uuid NOT NULL,
    user_id            uuid NOT NULL,
    public_key         bytea NOT NULL,
    sign_count         bigint NOT NULL CHECK (sign_count >= 0),
    transports         text[],
    is_user_verified   boolean NOT NULL,
    is_backup_eligible boolean NOT NULL,
    is_backed_up       boolean NOT NULL,
    attestation_object bytea NOT NULL,
    client_data_json   bytea NOT NULL,
    name               text CHECK (char_length(name) <= 100),
    created_at         timestamptz NOT NULL,
    last_used_at       timestamptz,
    FOREIGN KEY (tenant_id, user_id) REFERENCES staff_users (tenant_id, id)
);
CREATE INDEX staff_passkeys_user ON staff_passkeys (user_id);

-- Each organisation's sign-in policy, set by its admins. No row means the default: a password is enough (a second
-- factor stays each person's choice). When second_factor_required, a person must have a TOTP app or a passkey before
-- the inbox opens for them.
CREATE TABLE tenant_sign_in_policies (
    tenant_id              uuid PRIMARY KEY REFERENCES tenants (id),
    second_factor_required boolean NOT NULL,
    updated_by             uuid NOT NULL,
    updated_at             timestamptz NOT NULL,
    FOREIGN KEY (tenant_id, updated_by) REFERENCES staff_users (tenant_id, id)
);
