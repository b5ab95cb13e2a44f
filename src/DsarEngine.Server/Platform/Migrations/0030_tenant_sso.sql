-- Single sign-on with OpenID Connect, configured per organisation (docs/inbox.md, "Single sign-on"). The client secret
-- is sealed with the data key (AES-256-GCM, bound to the tenant's id) like every other secret; the key id and nonce sit
-- beside it. version moves on every change, so that each engine rebuilds its sign-in scheme for the tenant.
CREATE TABLE tenant_sso (
    tenant_id            uuid PRIMARY KEY REFERENCES tenants (id),
    enabled              boolean NOT NULL,
    authority            text NOT NULL,
    client_id            text NOT NULL,
    client_secret        bytea,
    client_secret_key_id text,
    client_secret_nonce  bytea,
    scopes               text[] NOT NULL,
    groups_claim         text NOT NULL,
    just_in_time         boolean NOT NULL,
    version              integer NOT NULL,
    updated_at           timestamptz NOT NULL
);

-- Each of the IdP's groups gives exactly one role (the primary key); a person in groups giving different roles is
-- refused rather than given either (the admin makes the groups disjoint).
CREATE TABLE tenant_sso_groups (
    tenant_id  uuid NOT NULL REFERENCES tenant_sso (tenant_id),
    group_name text NOT NULL,
    role       text NOT NULL CHECK (role IN ('admin', 'privacy-officer', 'agent', 'auditor')),
    PRIMARY KEY (tenant_id, group_name)
);

-- A person's sign-in at their organisation's IdP: the IdP's issuer and subject, within that organisation. The composite
-- key to staff_users makes it impossible to link a login of one organisation to a person of another.
-- (staff_users_id_tenant, UNIQUE (id, tenant_id), comes from 0026_request_assignment.sql.)

CREATE TABLE staff_external_logins (
    tenant_id    uuid NOT NULL,
    issuer       text NOT NULL,
    subject      text NOT NULL,
    user_id      uuid NOT NULL,
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, issuer, subject),
    UNIQUE (user_id, issuer),
    FOREIGN KEY (user_id, tenant_id) REFERENCES staff_users (id, tenant_id)
);
