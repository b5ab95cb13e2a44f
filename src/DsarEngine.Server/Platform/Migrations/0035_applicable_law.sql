-- Issue 15, E1: the law a request falls under comes from the organisation, not from the subject.
-- tenants.applicable_law: the regimes the organisation declares itself subject to and their scope rules (TenantLaw JSON,
-- e.g. {"regimes":[{"regime":"gdpr","scope":"establishment"},{"regime":"ccpa","scope":"residence","locations":["US-CA"]}]}).
-- NULL (every existing organisation): the regime of its own jurisdiction, as establishment, so their deadlines stay as
-- they were for requests from their own country.
ALTER TABLE tenants ADD COLUMN applicable_law jsonb;

-- requests.subject_location: the location the subject stated (an input to the scope rules); requests.jurisdiction is now
-- always the organisation's place of performance (calendar, time zone). requests.law_steps: why the stored regime was
-- chosen (which regimes applied, each one's date, the earliest winning), shown first in the deadline's explanation.
ALTER TABLE requests ADD COLUMN subject_location text;
ALTER TABLE requests ADD COLUMN law_steps jsonb NOT NULL DEFAULT '[]';
