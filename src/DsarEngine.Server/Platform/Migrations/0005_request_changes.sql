-- GDPR Art. 16: a rectification request says what is wrong and what it should be; connectors apply these.
ALTER TABLE requests ADD COLUMN changes jsonb NOT NULL DEFAULT '[]';
