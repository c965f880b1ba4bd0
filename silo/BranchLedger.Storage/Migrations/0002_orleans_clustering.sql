-- 0002: Orleans cluster membership (Microsoft.Orleans.Clustering.AdoNet, invariant "Npgsql").
--
-- One version row per cluster (ClusterId, called DeploymentId by the provider) plus one row per
-- silo incarnation. Every successful membership insert or update checks the table version the
-- writer last read (@Version) and raises it by exactly one in the same transaction: that is the
-- optimistic concurrency the membership protocol relies on. Heartbeats, cleanup and reads leave
-- the version alone.
--
-- The provider runs each query as one autocommit command and never opens a transaction, so the
-- two writes that must be all-or-nothing live in PL/pgSQL functions: each call is one statement,
-- hence one transaction, and an error anywhere in it undoes everything. The checks are explicit
-- IF ... RAISE EXCEPTION, never ASSERT: ASSERT does nothing when plpgsql.check_asserts is off.

CREATE TABLE orleansmembershipversiontable (
    deploymentid text PRIMARY KEY,
    -- Informational: when the version last changed.
    "timestamp"  timestamptz NOT NULL DEFAULT now(),
    -- The provider parses the version as a non-negative int32 ETag: a negative value would make
    -- every later join fail, and int32 overflow is an error, never a wrap.
    version      integer NOT NULL DEFAULT 0 CHECK (version >= 0)
);

CREATE TABLE orleansmembershiptable (
    deploymentid text    NOT NULL REFERENCES orleansmembershipversiontable (deploymentid),
    address      text    NOT NULL, -- an IP address read back as a string: text, not inet
    port         integer NOT NULL,
    generation   integer NOT NULL,
    siloname     text    NOT NULL,
    hostname     text    NOT NULL,
    status       integer NOT NULL, -- 0 None .. 3 Active .. 6 Dead
    proxyport    integer NOT NULL, -- 0 = no gateway; read with GetInt32, so never NULL
    suspecttimes text,             -- opaque "address,date|..." votes; grows with each vote
    -- timestamptz everywhere: the provider sends and reads UTC instants; a plain timestamp
    -- would be shifted by the session TimeZone.
    starttime    timestamptz NOT NULL,
    iamalivetime timestamptz NOT NULL,
    PRIMARY KEY (deploymentid, address, port, generation) -- the silo identity
);

COMMENT ON TABLE orleansmembershipversiontable IS
    'Orleans membership: one version row per cluster, raised by one on every membership write.';
COMMENT ON TABLE orleansmembershiptable IS
    'Orleans membership: one row per silo incarnation (address, port, generation).';

-- InsertMembershipKey: join a silo. All or nothing: the version must still be p_version (then it
-- becomes p_version + 1) and the silo must not have a row yet; otherwise nothing changes: false.
CREATE FUNCTION orleans_membership_insert(
    p_deploymentid text, p_address text, p_port integer, p_generation integer,
    p_siloname text, p_hostname text, p_status integer, p_proxyport integer,
    p_starttime timestamptz, p_iamalivetime timestamptz, p_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
BEGIN
    -- Cheap early exit before taking any lock.
    IF EXISTS (SELECT 1 FROM orleansmembershiptable
               WHERE deploymentid = p_deploymentid AND address = p_address
                 AND port = p_port AND generation = p_generation) THEN
        RETURN false;
    END IF;

    -- Version check and increment in one statement. The row lock it takes serialises all
    -- membership writers of the cluster: a racing writer waits, then finds the version moved on.
    UPDATE orleansmembershipversiontable
       SET version = version + 1, "timestamp" = now()
     WHERE deploymentid = p_deploymentid AND version = p_version;
    IF NOT FOUND THEN
        RETURN false; -- stale version or no version row: nothing was changed
    END IF;

    -- Inserts go through the version lock held above, so a duplicate cannot appear in between;
    -- if one ever did, the primary key error aborts the statement and undoes the version bump.
    INSERT INTO orleansmembershiptable
        (deploymentid, address, port, generation, siloname, hostname, status, proxyport,
         suspecttimes, starttime, iamalivetime)
    VALUES
        (p_deploymentid, p_address, p_port, p_generation, p_siloname, p_hostname, p_status,
         p_proxyport, NULL, p_starttime, p_iamalivetime);
    RETURN true;
END;
$fn$;

-- UpdateMembershipKey: status changes, suspicion votes, death declarations. All or nothing:
-- version check and increment and the row change; a missing row or a stale version: false.
CREATE FUNCTION orleans_membership_update(
    p_deploymentid text, p_address text, p_port integer, p_generation integer,
    p_status integer, p_suspecttimes text, p_iamalivetime timestamptz, p_version integer)
RETURNS boolean
LANGUAGE plpgsql
AS $fn$
BEGIN
    -- Lock the silo row first (always member row, then version row: no lock cycles), so the
    -- cleanup query cannot delete it between the version bump and the update.
    PERFORM 1 FROM orleansmembershiptable
     WHERE deploymentid = p_deploymentid AND address = p_address
       AND port = p_port AND generation = p_generation
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false; -- no such silo: version unchanged
    END IF;

    UPDATE orleansmembershipversiontable
       SET version = version + 1, "timestamp" = now()
     WHERE deploymentid = p_deploymentid AND version = p_version;
    IF NOT FOUND THEN
        RETURN false; -- stale version: nothing was changed
    END IF;

    UPDATE orleansmembershiptable
       SET status = p_status, suspecttimes = p_suspecttimes, iamalivetime = p_iamalivetime
     WHERE deploymentid = p_deploymentid AND address = p_address
       AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN
        -- Cannot happen while we hold the row lock; if it ever does, a real error rolls back
        -- the version bump instead of leaving a half-done write.
        RAISE EXCEPTION 'membership row %:%@% of cluster % vanished during update',
            p_address, p_port, p_generation, p_deploymentid
            USING ERRCODE = 'serialization_failure';
    END IF;
    RETURN true;
END;
$fn$;

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Silo start: create the cluster's version row (version 0) unless it exists. Race-safe through
-- the primary key. Always exactly one boolean row: true when this call created it.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleansmembershipversiontable (deploymentid, "timestamp", version)
    VALUES (@DeploymentId, now(), 0)
    ON CONFLICT (deploymentid) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created);
$q$),

-- Every member of the cluster with the table version on each row; with no members, one row of
-- NULL member columns (a NULL starttime means "no member"). One statement = one snapshot, so
-- version and rows agree. No version row gives no rows, which the provider reports as an error.
('MembershipReadAllKey', $q$
SELECT v.version, m.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname,
       m.status, m.proxyport, m.suspecttimes, m.starttime, m.iamalivetime
FROM orleansmembershipversiontable AS v
LEFT JOIN orleansmembershiptable AS m ON m.deploymentid = v.deploymentid
WHERE v.deploymentid = @DeploymentId;
$q$),

-- Same shape for one silo: the version row outer-joined with at most that member.
('MembershipReadRowKey', $q$
SELECT v.version, m.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname,
       m.status, m.proxyport, m.suspecttimes, m.starttime, m.iamalivetime
FROM orleansmembershipversiontable AS v
LEFT JOIN orleansmembershiptable AS m
       ON m.deploymentid = v.deploymentid AND m.address = @Address
      AND m.port = @Port AND m.generation = @Generation
WHERE v.deploymentid = @DeploymentId;
$q$),

('InsertMembershipKey', $q$
SELECT orleans_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName,
                                 @HostName, @Status, @ProxyPort, @StartTime, @IAmAliveTime,
                                 @Version);
$q$),

('UpdateMembershipKey', $q$
SELECT orleans_membership_update(@DeploymentId, @Address, @Port, @Generation, @Status,
                                 @SuspectTimes, @IAmAliveTime, @Version);
$q$),

-- Heartbeat (every 30 s per silo): IAmAliveTime only, no version change, no-op for a missing
-- row. GREATEST keeps the later time if a delayed heartbeat arrives after a newer write.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleansmembershiptable
   SET iamalivetime = GREATEST(iamalivetime, @IAmAliveTime)
 WHERE deploymentid = @DeploymentId AND address = @Address
   AND port = @Port AND generation = @Generation;
$q$),

-- Clients: the gateways of the active silos (@Status = 3).
('GatewaysQueryKey', $q$
SELECT address, proxyport, generation
FROM orleansmembershiptable
WHERE deploymentid = @DeploymentId AND status = @Status AND proxyport > 0;
$q$),

-- Test and management APIs: forget the cluster. Members first (they reference the version row);
-- both statements run as one implicit transaction.
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId;
DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId;
$q$),

-- Bulk cleanup, used only when CleanupDefunctSiloEntryKey is absent (it is present here, so
-- Orleans 10.4.2 does not call this; the key is still required at start-up). Only Dead (6)
-- rows that neither started nor sent a heartbeat after the cutoff go; never an Active row and
-- never the version row, and no version change (cleanup is not a membership change).
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleansmembershiptable
WHERE deploymentid = @DeploymentId
  AND status = 6
  AND iamalivetime < @IAmAliveTime
  AND starttime < @IAmAliveTime;
$q$),

-- Per-row cleanup (Orleans 10.4.2+): the provider read the table and picked this Dead row; delete
-- it only if it is unchanged since that read (same status, times and votes; NULL votes equal
-- empty ones), so a concurrent update wins. No version change.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleansmembershiptable
WHERE deploymentid = @DeploymentId AND address = @Address
  AND port = @Port AND generation = @Generation
  AND status = 6
  AND starttime = @StartTime
  AND iamalivetime = @IAmAliveTime
  AND COALESCE(suspecttimes, '') = COALESCE(@SuspectTimes, '');
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
