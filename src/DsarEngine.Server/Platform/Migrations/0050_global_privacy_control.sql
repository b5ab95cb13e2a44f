-- 11 CCR §7025: an opt-out preference signal (Global Privacy Control, the Sec-GPC: 1 request header) is a valid request to
-- opt out of sale/sharing for the browser it came from. Recorded on the request it came with; not personal data.
ALTER TABLE requests ADD COLUMN global_privacy_control boolean NOT NULL DEFAULT false;
