-- GDPR Art. 12(6): how the organisation checks who a subject is, per right, channel and purpose (IdentityPolicy).
-- NULL: the default policy (no check for consent withdrawal and direct-marketing objections, the e-mailed link otherwise).
ALTER TABLE tenants ADD COLUMN identity_policy jsonb;
