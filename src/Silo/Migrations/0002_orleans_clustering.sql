-- Membership storage for Microsoft.Orleans.Clustering.AdoNet 10.4.x: silos (IMembershipTable) and
-- clients (gateway list) both load this whole key set at start-up and fail if a mandatory key is
-- missing. The provider binds @DeploymentId (cluster id), @Address/@Port/@Generation, @Version (the
-- table version it last read) and @Status (3 Active, 6 Dead), reads member columns by name, and
-- expects conditional writes to answer with one boolean row and to leave nothing behind on failure.
-- CleanupDefunctSiloEntryKey is optional for the provider; with it, cleanup deletes row by row only
-- what it saw as defunct. CleanupDefunctSiloEntriesKey is still required at initialisation.

create table if not exists orleansmembershipversiontable
(
    deploymentid varchar(150) not null,
    changedat    timestamptz  not null default now(),
    version      integer      not null default 0,

    constraint orleansmembershipversiontable_pk primary key (deploymentid)
);

create table if not exists orleansmembershiptable
(
    deploymentid varchar(150) not null,
    address      varchar(45)  not null,
    port         integer      not null,
    generation   integer      not null,
    siloname     varchar(150) not null,
    hostname     varchar(150) not null,
    status       integer      not null,
    proxyport    integer      not null default 0,
    suspecttimes text         null,
    starttime    timestamptz  not null,
    iamalivetime timestamptz  not null,

    constraint orleansmembershiptable_pk primary key (deploymentid, address, port, generation),
    -- Removing a cluster's version row (DeleteMembershipTableEntriesKey) takes its members with it.
    constraint orleansmembershiptable_version_fk foreign key (deploymentid)
        references orleansmembershipversiontable (deploymentid) on delete cascade
);

-- Conditional membership insert. Bumping the version row first takes its row lock, so concurrent
-- writers of one cluster queue up there and the loser sees the new version and gives up. If the
-- member row cannot be added the custom error unwinds the block's savepoint, undoing the bump;
-- this does not depend on ASSERT (which plpgsql.check_asserts can switch off).
create or replace function orleans_membership_try_insert(
    p_cluster      text,
    p_address      text,
    p_port         integer,
    p_generation   integer,
    p_silo_name    text,
    p_host_name    text,
    p_status       integer,
    p_proxy_port   integer,
    p_started      timestamptz,
    p_alive        timestamptz,
    p_seen_version integer)
returns boolean
language plpgsql
as $fn$
begin
    update orleansmembershipversiontable as t
       set version = t.version + 1,
           changedat = now()
     where t.deploymentid = p_cluster
       and t.version = p_seen_version;
    if not found then
        return false;
    end if;

    insert into orleansmembershiptable as m
           (deploymentid, address, port, generation, siloname, hostname,
            status, proxyport, suspecttimes, starttime, iamalivetime)
    values (p_cluster, p_address, p_port, p_generation, p_silo_name, p_host_name,
            p_status, coalesce(p_proxy_port, 0), null, p_started, p_alive)
    on conflict on constraint orleansmembershiptable_pk do nothing;
    if not found then
        raise sqlstate 'OR001';
    end if;

    return true;
exception
    when sqlstate 'OR001' then
        return false;
end
$fn$;

-- Conditional membership update; same locking and undo rules as the insert. A heartbeat may have
-- moved IAmAliveTime past the value carried by the caller, so the column never goes backwards.
create or replace function orleans_membership_try_update(
    p_cluster      text,
    p_address      text,
    p_port         integer,
    p_generation   integer,
    p_status       integer,
    p_suspects     text,
    p_alive        timestamptz,
    p_seen_version integer)
returns boolean
language plpgsql
as $fn$
begin
    update orleansmembershipversiontable as t
       set version = t.version + 1,
           changedat = now()
     where t.deploymentid = p_cluster
       and t.version = p_seen_version;
    if not found then
        return false;
    end if;

    update orleansmembershiptable as m
       set status = p_status,
           suspecttimes = p_suspects,
           iamalivetime = greatest(m.iamalivetime, p_alive)
     where m.deploymentid = p_cluster
       and m.address = p_address
       and m.port = p_port
       and m.generation = p_generation;
    if not found then
        raise sqlstate 'OR001';
    end if;

    return true;
exception
    when sqlstate 'OR001' then
        return false;
end
$fn$;

-- Latest suspicion vote recorded in a SuspectTimes string ("silo,yyyy-MM-dd HH:mm:ss.fff GMT|...").
-- No votes -> -infinity. Anything not in that shape -> +infinity, i.e. "recent": the set-based
-- cleanup would rather keep a row than delete one whose activity it cannot judge.
create or replace function orleans_membership_latest_vote(p_votes text)
returns timestamptz
language sql
stable
as $fn$
    select case
        when coalesce(p_votes, '') = '' then '-infinity'::timestamptz
        when exists (
            select 1
              from unnest(string_to_array(p_votes, '|')) as vote(txt)
             where vote.txt !~ '^[^,]+,[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)? GMT$')
            then 'infinity'::timestamptz
        else (
            select max(split_part(vote.txt, ',', 2)::timestamptz)
              from unnest(string_to_array(p_votes, '|')) as vote(txt))
    end
$fn$;

insert into orleansquery (querykey, querytext)
values
-- Called once per silo start with tryInitTableVersion; true only when this call created the row.
('InsertMembershipVersionKey', $q$
with created as (
    insert into orleansmembershipversiontable (deploymentid)
    values (@DeploymentId)
    on conflict on constraint orleansmembershipversiontable_pk do nothing
    returning 1
)
select count(*) > 0 as inserted from created
$q$),

('InsertMembershipKey', $q$
select orleans_membership_try_insert(
    @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
    @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) as inserted
$q$),

('UpdateMembershipKey', $q$
select orleans_membership_try_update(
    @DeploymentId, @Address, @Port, @Generation,
    @Status, @SuspectTimes, @IAmAliveTime, @Version) as updated
$q$),

-- Heartbeat: touches only the silo's own row and never the table version.
('UpdateIAmAlivetimeKey', $q$
update orleansmembershiptable as m
   set iamalivetime = greatest(m.iamalivetime, @IAmAliveTime)
 where m.deploymentid = @DeploymentId
   and m.address = @Address
   and m.port = @Port
   and m.generation = @Generation
$q$),

-- One row per member plus the table version; the outer join still yields the version (with NULL
-- member columns) when the silo has no row yet. Zero rows only if the cluster was never initialised.
('MembershipReadRowKey', $q$
select m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
       m.suspecttimes, m.starttime, m.iamalivetime, v.version
  from orleansmembershipversiontable as v
  left join orleansmembershiptable as m
         on m.deploymentid = v.deploymentid
        and m.address = @Address
        and m.port = @Port
        and m.generation = @Generation
 where v.deploymentid = @DeploymentId
$q$),

('MembershipReadAllKey', $q$
select m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
       m.suspecttimes, m.starttime, m.iamalivetime, v.version
  from orleansmembershipversiontable as v
  left join orleansmembershiptable as m
         on m.deploymentid = v.deploymentid
 where v.deploymentid = @DeploymentId
$q$),

-- Used by silos and by clients (gateway list); @Status is always Active (3).
('GatewaysQueryKey', $q$
select m.address, m.proxyport, m.generation
  from orleansmembershiptable as m
 where m.deploymentid = @DeploymentId
   and m.status = @Status
   and m.proxyport > 0
$q$),

-- The foreign key cascades to the member rows.
('DeleteMembershipTableEntriesKey', $q$
delete from orleansmembershipversiontable
 where deploymentid = @DeploymentId
$q$),

-- Set-based cleanup (only used by providers when CleanupDefunctSiloEntryKey is absent):
-- Dead rows whose start, last heartbeat and latest suspicion vote all precede @IAmAliveTime.
('CleanupDefunctSiloEntriesKey', $q$
delete from orleansmembershiptable as m
 where m.deploymentid = @DeploymentId
   and m.status = 6
   and m.starttime < @IAmAliveTime
   and m.iamalivetime < @IAmAliveTime
   and orleans_membership_latest_vote(m.suspecttimes) < @IAmAliveTime
$q$),

-- Per-row cleanup: the provider already judged the row defunct from the values it read, so delete
-- it only if none of them changed since (a NULL and an empty SuspectTimes count as equal).
('CleanupDefunctSiloEntryKey', $q$
delete from orleansmembershiptable as m
 where m.deploymentid = @DeploymentId
   and m.address = @Address
   and m.port = @Port
   and m.generation = @Generation
   and m.status = 6
   and m.starttime = @StartTime
   and m.iamalivetime = @IAmAliveTime
   and coalesce(m.suspecttimes, '') = coalesce(@SuspectTimes, '')
$q$)
on conflict on constraint orleansquery_pk do update set querytext = excluded.querytext;
