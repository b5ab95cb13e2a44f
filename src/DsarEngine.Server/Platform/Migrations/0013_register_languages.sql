-- A processing register per language: letters in French state the purposes, recipients and retention in French.
-- language '' is the organisation's register in its own language, used where no translation exists.
ALTER TABLE processing_registers ADD COLUMN language text NOT NULL DEFAULT '';
ALTER TABLE processing_registers DROP CONSTRAINT processing_registers_pkey;
ALTER TABLE processing_registers ADD PRIMARY KEY (tenant_id, language);
