-- GDPR Art. 16: a rectification may complete the subject's data "by means of providing a supplementary statement".
-- The subject's own words, sent to each system that rectifies and cleared with the request's other personal fields.
ALTER TABLE requests ADD COLUMN supplementary_statement text
    CONSTRAINT requests_supplementary_statement_length CHECK (length(supplementary_statement) <= 2000);
