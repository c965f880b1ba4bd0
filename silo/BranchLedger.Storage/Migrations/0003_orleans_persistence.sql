-- 0003: Orleans grain state (Microsoft.Orleans.Persistence.AdoNet, invariant "Npgsql").
--
-- One row per (ServiceId, state name, grain key). The state name (GrainTypeString) is the
-- [PersistentState] name, not the grain class, and the storage provider's name is not part of
-- the key: two grain classes or two named providers sharing a state name and key share a row.
-- The version column is the ETag (optimistic concurrency); the payload is whatever bytes the
-- configured grain-storage serializer produces, hence bytea rather than json/jsonb.

CREATE TABLE orleansstorage (
    serviceid              text    NOT NULL,
    graintypestring        text    NOT NULL, -- the state name
    -- Guid keys: the two little-endian halves of the Guid; integer keys: 0 and the key;
    -- string keys: both 0 (the whole key is in grainidextensionstring).
    grainidn0              bigint  NOT NULL,
    grainidn1              bigint  NOT NULL,
    -- The key extension of compound keys, the whole key of string keys, NULL otherwise.
    grainidextensionstring text,
    -- Hashes the provider sends (XxHash32 by default). They collide and depend on the hasher, so
    -- lookups ignore them and compare the natural key instead; kept for diagnostics only.
    grainidhash            integer NOT NULL,
    graintypehash          integer NOT NULL,
    payloadbinary          bytea,            -- NULL after a clear (row kept, RecordExists=false)
    version                integer NOT NULL CHECK (version >= 1), -- the ETag
    modifiedon             timestamptz NOT NULL DEFAULT now(),
    -- The natural key. Upstream has no unique constraint, so two racing first writes under READ
    -- COMMITTED could both insert and every later read would fail on two rows. NULLS NOT DISTINCT
    -- (PostgreSQL 15+) makes grain keys without an extension (NULL) collide as they must.
    -- The lookups below are written so this index serves them.
    CONSTRAINT orleansstorage_natural_key UNIQUE NULLS NOT DISTINCT
        (serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring)
);

COMMENT ON TABLE orleansstorage IS
    'Orleans grain state: one row per (ServiceId, state name, grain key); version is the ETag.';

-- Every lookup below matches the natural key. The extension test is NULL-safe and written as
-- "= @x OR (@x IS NULL AND col IS NULL)" rather than IS NOT DISTINCT FROM: PostgreSQL plans
-- the provider's unprepared statements with the parameter values known, folds the OR away and
-- uses the unique index on all five columns (IS NOT DISTINCT FROM cannot use a b-tree index).
--
-- Versions stay int32: 2^31-1 wraps to 1 instead of overflowing (an error that would make the
-- grain unwritable forever). An ETag only has to differ from the one it replaces.

INSERT INTO orleansquery (querykey, querytext) VALUES

-- Activation / ReadStateAsync: zero or one row. A NULL payload (cleared state) still returns
-- its version so the next write can continue the ETag sequence.
('ReadFromStorageKey', $q$
SELECT payloadbinary, version
FROM orleansstorage
WHERE serviceid = @ServiceId
  AND graintypestring = @GrainTypeString
  AND grainidn0 = @GrainIdN0
  AND grainidn1 = @GrainIdN1
  AND (grainidextensionstring = @GrainIdExtensionString
       OR (@GrainIdExtensionString IS NULL AND grainidextensionstring IS NULL));
$q$),

-- WriteStateAsync. With no ETag (@GrainStateVersion NULL): insert version 1, only if no row
-- exists (the unique constraint makes racing first writes leave one row; the loser gets NULL).
-- With an ETag: replace the payload and bump the version only where it still matches.
-- Always one row: the new version, or NULL on a conflict (the provider then throws
-- InconsistentStateException).
('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleansstorage
       SET payloadbinary = @PayloadBinary,
           version = CASE WHEN version = 2147483647 THEN 1 ELSE version + 1 END,
           grainidhash = @GrainIdHash,
           graintypehash = @GrainTypeHash,
           modifiedon = now()
     WHERE serviceid = @ServiceId
       AND graintypestring = @GrainTypeString
       AND grainidn0 = @GrainIdN0
       AND grainidn1 = @GrainIdN1
       AND (grainidextensionstring = @GrainIdExtensionString
            OR (@GrainIdExtensionString IS NULL AND grainidextensionstring IS NULL))
       AND version = @GrainStateVersion
    RETURNING version
), inserted AS (
    INSERT INTO orleansstorage
        (serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring,
         grainidhash, graintypehash, payloadbinary, version, modifiedon)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
           @GrainIdHash, @GrainTypeHash, @PayloadBinary, 1, now()
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT (serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring)
        DO NOTHING
    RETURNING version
)
SELECT COALESCE((SELECT version FROM updated), (SELECT version FROM inserted))
       AS newgrainstateversion;
$q$),

-- ClearStateAsync with DeleteStateOnClear=false: keep the row, drop the payload, bump the
-- version (on an ETag match only). One row: the new version, or NULL on a conflict.
('ClearStorageKey', $q$
WITH cleared AS (
    UPDATE orleansstorage
       SET payloadbinary = NULL,
           version = CASE WHEN version = 2147483647 THEN 1 ELSE version + 1 END,
           modifiedon = now()
     WHERE serviceid = @ServiceId
       AND graintypestring = @GrainTypeString
       AND grainidn0 = @GrainIdN0
       AND grainidn1 = @GrainIdN1
       AND (grainidextensionstring = @GrainIdExtensionString
            OR (@GrainIdExtensionString IS NULL AND grainidextensionstring IS NULL))
       AND version = @GrainStateVersion
    RETURNING version
)
SELECT (SELECT version FROM cleared) AS newgrainstateversion;
$q$),

-- ClearStateAsync with DeleteStateOnClear=true: delete the row on an ETag match. The provider
-- only needs a non-NULL value different from @GrainStateVersion to see success (it then resets
-- the ETag to null); NULL means a conflict.
('DeleteStorageKey', $q$
WITH deleted AS (
    DELETE FROM orleansstorage
     WHERE serviceid = @ServiceId
       AND graintypestring = @GrainTypeString
       AND grainidn0 = @GrainIdN0
       AND grainidn1 = @GrainIdN1
       AND (grainidextensionstring = @GrainIdExtensionString
            OR (@GrainIdExtensionString IS NULL AND grainidextensionstring IS NULL))
       AND version = @GrainStateVersion
    RETURNING version
)
SELECT (SELECT CASE WHEN version = 2147483647 THEN 1 ELSE version + 1 END FROM deleted)
       AS newgrainstateversion;
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
