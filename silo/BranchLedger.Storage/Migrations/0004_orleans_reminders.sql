-- 0004: Orleans reminders (Microsoft.Orleans.Reminders.AdoNet, invariant "Npgsql").
--
-- Scoped by ServiceId (not ClusterId), so reminders survive a redeployment under a new cluster.
-- Each silo owns a range of the consistent-hash ring and loads the reminders whose grain hash
-- falls in it. The provider sends the uint32 ring hashes cast to signed int32, so grainhash is
-- an integer compared as signed: the ring's upper half is negative here.

CREATE TABLE orleansreminderstable (
    serviceid    text        NOT NULL,
    grainid      text        NOT NULL, -- GrainId.ToString() ("type/key"): no length limit
    remindername text        NOT NULL,
    starttime    timestamptz NOT NULL,
    period       bigint      NOT NULL, -- milliseconds; may exceed int32
    grainhash    integer     NOT NULL, -- the grain's uniform hash as a signed int32
    version      integer     NOT NULL, -- the ETag
    PRIMARY KEY (serviceid, grainid, remindername)
);

-- Ring-range reads: equality on serviceid, then a range on grainhash.
CREATE INDEX orleansreminderstable_serviceid_grainhash
    ON orleansreminderstable (serviceid, grainhash);

COMMENT ON TABLE orleansreminderstable IS
    'Orleans reminders: one row per (ServiceId, grain, reminder name); version is the ETag.';

INSERT INTO orleansquery (querykey, querytext) VALUES

-- All reminders of one grain.
('ReadReminderRowsKey', $q$
SELECT grainid, remindername, starttime, period, version
FROM orleansreminderstable
WHERE serviceid = @ServiceId AND grainid = @GrainId;
$q$),

-- One reminder of one grain; no row means "not found".
('ReadReminderRowKey', $q$
SELECT grainid, remindername, starttime, period, version
FROM orleansreminderstable
WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName;
$q$),

-- Ring range (Begin, End] when Begin < End as signed int32.
('ReadRangeRows1Key', $q$
SELECT grainid, remindername, starttime, period, version
FROM orleansreminderstable
WHERE serviceid = @ServiceId AND grainhash > @BeginHash AND grainhash <= @EndHash;
$q$),

-- Otherwise the range wraps past the top of the signed range (this includes Begin = End, the
-- whole ring): (Begin, max] and [min, End].
('ReadRangeRows2Key', $q$
SELECT grainid, remindername, starttime, period, version
FROM orleansreminderstable
WHERE serviceid = @ServiceId AND (grainhash > @BeginHash OR grainhash <= @EndHash);
$q$),

-- Register or update: one atomic, race-safe statement. A new row starts at version 0; every
-- update changes the version (Orleans compares ETags to notice changes), wrapping from 2^31-1 to 0
-- rather than overflowing. No ETag check: last writer wins, as the provider expects.
('UpsertReminderRowKey', $q$
INSERT INTO orleansreminderstable AS r
    (serviceid, grainid, remindername, starttime, period, grainhash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
   SET starttime = EXCLUDED.starttime,
       period = EXCLUDED.period,
       grainhash = EXCLUDED.grainhash,
       version = CASE WHEN r.version = 2147483647 THEN 0 ELSE r.version + 1 END
RETURNING version;
$q$),

-- Unregister: true only if the row with exactly that version was deleted (a stale ETag: false).
('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM orleansreminderstable
     WHERE serviceid = @ServiceId AND grainid = @GrainId
       AND remindername = @ReminderName AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM deleted);
$q$),

-- Test-only: remove all reminders of the service.
('DeleteReminderRowsKey', $q$
DELETE FROM orleansreminderstable WHERE serviceid = @ServiceId;
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
