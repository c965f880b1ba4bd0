-- 0005: the audit trail. One row per mutation through the gateway: who (subject and credential),
-- when, which request, what (RPC and targets) and how it ended. Tenant is NULL for platform-level
-- changes (role bindings, API keys, tenant registration are recorded under the tenant they reach).

CREATE TABLE branchledger_audit (
    seq        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at         timestamptz NOT NULL,
    tenant     text        NULL,
    subject    text        NOT NULL,
    credential text        NOT NULL,
    request_id text        NOT NULL,
    rpc        text        NOT NULL,
    targets    text        NOT NULL,
    outcome    text        NOT NULL
);

-- Tenant admins and auditors page through their tenants' entries in order.
CREATE INDEX branchledger_audit_tenant_seq ON branchledger_audit (tenant, seq);

-- Append-only, enforced by the database itself.
CREATE FUNCTION branchledger_audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only (% refused)', TG_OP;
END
$f$;

CREATE TRIGGER branchledger_audit_append_only
    BEFORE UPDATE OR DELETE ON branchledger_audit
    FOR EACH ROW EXECUTE FUNCTION branchledger_audit_refuse_change();

CREATE TRIGGER branchledger_audit_no_truncate
    BEFORE TRUNCATE ON branchledger_audit
    FOR EACH STATEMENT EXECUTE FUNCTION branchledger_audit_refuse_change();

COMMENT ON TABLE branchledger_audit IS
    'Append-only audit trail of BranchLedger mutations; UPDATE, DELETE and TRUNCATE are refused.';
