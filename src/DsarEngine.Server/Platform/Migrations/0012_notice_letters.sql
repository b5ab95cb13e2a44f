-- Notice letters (the extension of Art. 12(3), the identity-proof request of Art. 12(6)) are stored beside the
-- response pack as documents of the request, sealed the same way.
ALTER TABLE response_packs DROP CONSTRAINT response_packs_kind_check;
ALTER TABLE response_packs ADD CONSTRAINT response_packs_kind_check
    CHECK (kind IN ('letter', 'portability-zip', 'extension-notice', 'identity-request'));
