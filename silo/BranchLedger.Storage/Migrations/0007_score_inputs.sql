-- 0007: each branch's score inputs (ScoreInputs: the node, its dated facts, duties, findings and
-- outcomes — no records), written by its ledger when they change. A rebuild of the rankings and the
-- rescoring of a new rubric version read them in bulk instead of waking every ledger. A derived copy:
-- the journal stays the truth, and a ledger whose row is missing, of another format or behind its
-- journal is asked to score itself (and writes its row then).

CREATE TABLE branchledger_score_inputs (
    ledger      text COLLATE "C" PRIMARY KEY,  -- the ledger grain's key; byte order, so keyset pages are exact
    version     bigint      NOT NULL,     -- monotonic per ledger: a row never goes back to older inputs
    last_seq    bigint      NOT NULL,     -- the journal sequence the inputs include; behind the journal = stale
    format      smallint    NOT NULL,     -- ScoreInputs.Format of the bytes
    inputs      bytea       NOT NULL,     -- ScoreInputs.ToBytes (UTF-8 JSON)
    updated_at  timestamptz NOT NULL
);

COMMENT ON TABLE branchledger_score_inputs IS
    'Per-branch score inputs for bulk re-scoring; derived from the journal, rewritten by each ledger.';
