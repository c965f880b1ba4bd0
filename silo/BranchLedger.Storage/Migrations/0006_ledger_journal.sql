-- 0006: the ledger journal. A ledger write appends its record rows here, in the same transaction as
-- its audit row, instead of rewriting the whole ledger's grain state: a write costs O(record), and
-- the grain state of a ledger becomes a snapshot that only speeds up activation.

CREATE TABLE branchledger_journal (
    ledger      text        NOT NULL,  -- the ledger grain's key (tenant and node)
    seq         bigint      NOT NULL,  -- the record's sequence in its ledger (record id)
    request_id  text        NOT NULL,  -- the client's idempotency key
    year        integer     NOT NULL,  -- the calendar year of the record's date: reads of one year
    recorded_at timestamptz NOT NULL,
    record      bytea       NOT NULL,  -- the LedgerRecord, Orleans binary serializer (versioned by [Id])
    PRIMARY KEY (ledger, seq),
    -- A retry can never count twice, whichever activation or silo it reaches.
    CONSTRAINT branchledger_journal_request UNIQUE (ledger, request_id)
);

CREATE INDEX branchledger_journal_year ON branchledger_journal (ledger, year, seq);

-- Seals of a ledger (closed books): one row per SealYear request, with the answer given.
CREATE TABLE branchledger_journal_seals (
    ledger       text        NOT NULL,
    request_id   text        NOT NULL,
    year         integer     NOT NULL,
    requested_by text        NOT NULL,
    at           timestamptz NOT NULL,
    result       bytea       NOT NULL,  -- the SealResult, Orleans binary serializer
    PRIMARY KEY (ledger, request_id)
);

-- Ledgers whose grain state rows (written before the journal existed: 'ledger' and 'ledger-archive')
-- were copied into the journal and verified; the copy skips them when it runs again.
CREATE TABLE branchledger_journal_migrated (
    ledger      text        PRIMARY KEY,
    records     bigint      NOT NULL,
    seals       integer     NOT NULL,
    migrated_at timestamptz NOT NULL
);

-- Append-only, enforced by the database itself, as for the audit trail.
CREATE FUNCTION branchledger_journal_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    RAISE EXCEPTION 'the ledger journal is append-only (% on % refused)', TG_OP, TG_TABLE_NAME;
END
$f$;

CREATE TRIGGER branchledger_journal_append_only
    BEFORE UPDATE OR DELETE ON branchledger_journal
    FOR EACH ROW EXECUTE FUNCTION branchledger_journal_refuse_change();

CREATE TRIGGER branchledger_journal_no_truncate
    BEFORE TRUNCATE ON branchledger_journal
    FOR EACH STATEMENT EXECUTE FUNCTION branchledger_journal_refuse_change();

CREATE TRIGGER branchledger_journal_seals_append_only
    BEFORE UPDATE OR DELETE ON branchledger_journal_seals
    FOR EACH ROW EXECUTE FUNCTION branchledger_journal_refuse_change();

CREATE TRIGGER branchledger_journal_seals_no_truncate
    BEFORE TRUNCATE ON branchledger_journal_seals
    FOR EACH STATEMENT EXECUTE FUNCTION branchledger_journal_refuse_change();

COMMENT ON TABLE branchledger_journal IS
    'Append-only journal of ledger records; UPDATE, DELETE and TRUNCATE are refused.';
COMMENT ON TABLE branchledger_journal_seals IS
    'Append-only seals (closed books) of ledgers; UPDATE, DELETE and TRUNCATE are refused.';
