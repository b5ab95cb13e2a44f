-- The journal is append-only in the database too, not only in the code (security review L1): an UPDATE, DELETE or
-- TRUNCATE of request_journal fails, so a bug or a careless script cannot rewrite history. (Someone who may alter
-- triggers can still do so; the hash chain then shows the edit, and the chain's anchoring is future work.)
CREATE FUNCTION request_journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'request_journal is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER request_journal_append_only BEFORE UPDATE OR DELETE ON request_journal
    FOR EACH ROW EXECUTE FUNCTION request_journal_append_only();
CREATE TRIGGER request_journal_no_truncate BEFORE TRUNCATE ON request_journal
    FOR EACH STATEMENT EXECUTE FUNCTION request_journal_append_only();
