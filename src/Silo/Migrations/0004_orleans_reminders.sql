-- Reminders for Microsoft.Orleans.Reminders.AdoNet 10.4.x (AdoNetReminderTable): all seven keys are
-- loaded at start-up. Parameters: @ServiceId, @GrainId (GrainId.ToString()), @ReminderName,
-- @StartTime (UTC), @Period (ms; int, or bigint when larger), @GrainHash/@BeginHash/@EndHash (uint ring
-- hashes cast to int) and @Version (the ETag). Rows are read by name (GrainId, ReminderName, StartTime,
-- Period, Version); the upsert returns the new Version, the delete one boolean row.
-- ReadRangeRows1Key serves (begin, end] when (int)begin < (int)end; ReadRangeRows2Key the wrapping case
-- (including begin = end, the whole ring).

create table if not exists orleansreminderstable
(
    serviceid    varchar(150) not null,
    grainid      varchar(512) not null,
    remindername varchar(150) not null,
    starttime    timestamptz  not null,
    period       bigint       not null,
    grainhash    integer      not null,
    version      integer      not null,

    constraint orleansreminderstable_pk primary key (serviceid, grainid, remindername)
);

-- Each silo scans its own slice of the hash ring.
create index if not exists orleansreminderstable_service_hash_ix
    on orleansreminderstable (serviceid, grainhash);

insert into orleansquery (querykey, querytext)
values
-- New reminders start at version 0; every re-registration bumps it, invalidating older ETags.
('UpsertReminderRowKey', $q$
insert into orleansreminderstable as r
       (serviceid, grainid, remindername, starttime, period, grainhash, version)
values (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
on conflict on constraint orleansreminderstable_pk do update
   set starttime = excluded.starttime,
       period = excluded.period,
       grainhash = excluded.grainhash,
       version = r.version + 1
returning r.version
$q$),

('ReadReminderRowsKey', $q$
select r.grainid, r.remindername, r.starttime, r.period, r.version
  from orleansreminderstable as r
 where r.serviceid = @ServiceId
   and r.grainid = @GrainId
$q$),

('ReadReminderRowKey', $q$
select r.grainid, r.remindername, r.starttime, r.period, r.version
  from orleansreminderstable as r
 where r.serviceid = @ServiceId
   and r.grainid = @GrainId
   and r.remindername = @ReminderName
$q$),

('ReadRangeRows1Key', $q$
select r.grainid, r.remindername, r.starttime, r.period, r.version
  from orleansreminderstable as r
 where r.serviceid = @ServiceId
   and r.grainhash > @BeginHash
   and r.grainhash <= @EndHash
$q$),

('ReadRangeRows2Key', $q$
select r.grainid, r.remindername, r.starttime, r.period, r.version
  from orleansreminderstable as r
 where r.serviceid = @ServiceId
   and (r.grainhash > @BeginHash or r.grainhash <= @EndHash)
$q$),

-- True only if the row existed with exactly the caller's ETag.
('DeleteReminderRowKey', $q$
with removed as (
    delete from orleansreminderstable as r
     where r.serviceid = @ServiceId
       and r.grainid = @GrainId
       and r.remindername = @ReminderName
       and r.version = @Version
    returning 1
)
select count(*) > 0 as deleted from removed
$q$),

('DeleteReminderRowsKey', $q$
delete from orleansreminderstable
 where serviceid = @ServiceId
$q$)
on conflict on constraint orleansquery_pk do update set querytext = excluded.querytext;
