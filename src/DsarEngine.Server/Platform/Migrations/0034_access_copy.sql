-- GDPR Art. 15(3): an access answer stores the subject's full copy (a ZIP of every record) beside the letter.
ALTER TABLE response_packs DROP CONSTRAINT response_packs_kind_check;
ALTER TABLE response_packs ADD CONSTRAINT response_packs_kind_check
    CHECK (kind IN ('letter', 'portability-zip', 'extension-notice', 'identity-request', 'results-zip', 'access-copy'));

-- The parts of the answer (letter, copy, archive) a one-time code has opened: a code opens each part once, so the
-- subject who wants the letter and the copy needs one code, not two e-mails. A code used before parts existed
-- opened the whole answer: it opens nothing more.
ALTER TABLE pack_codes ADD COLUMN parts_used text[] NOT NULL DEFAULT '{}';
UPDATE pack_codes SET parts_used = ARRAY['letter', 'copy', 'archive'] WHERE used_at IS NOT NULL;
