-- A controller's access request over OpenDSR gets its results as an archive (JSON and CSV per system and category,
-- with a manifest), fetched from the status object's results_url.
ALTER TABLE response_packs DROP CONSTRAINT response_packs_kind_check;
ALTER TABLE response_packs ADD CONSTRAINT response_packs_kind_check
    CHECK (kind IN ('letter', 'portability-zip', 'extension-notice', 'identity-request', 'results-zip'));
