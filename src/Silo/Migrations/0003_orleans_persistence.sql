-- Grain state for Microsoft.Orleans.Persistence.AdoNet 10.4.x (AdoNetGrainStorage), which reads
-- Write/Read/ClearStorageKey (+ DeleteStorageKey for DeleteStateOnClear) and binds @GrainIdHash,
-- @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId,
-- @GrainStateVersion (the ETag) and @PayloadBinary. Optimistic concurrency is judged by the provider
-- from what comes back: a NULL version, the same version as the ETag sent, or no row while it sent an
-- ETag all raise InconsistentStateException. So stale writes answer that way here, never with an error.
-- No primary key by design: rows are found through the hash index on the grain id hash.

create table if not exists orleansstorage
(
    grainidhash            integer      not null,
    grainidn0              bigint       not null,
    grainidn1              bigint       not null,
    graintypehash          integer      not null,
    graintypestring        varchar(512) not null,
    grainidextensionstring varchar(512) null,
    serviceid              varchar(150) not null,
    payloadbinary          bytea        null,
    modifiedon             timestamptz  not null default now(),
    version                integer      null
);

create index if not exists orleansstorage_grainidhash_ix
    on orleansstorage using hash (grainidhash);

-- Returns the new version, or NULL when the caller's version is stale (or, for a first write, when
-- state already exists). First writes serialise on a transaction advisory lock per grain id/type hash,
-- because without a unique key two activations could otherwise both insert; each plpgsql statement
-- takes a fresh snapshot, so the existence check after the lock sees the other writer's commit.
create or replace function orleans_storage_write(
    p_id_hash   integer,
    p_n0        bigint,
    p_n1        bigint,
    p_type_hash integer,
    p_type      text,
    p_extension text,
    p_service   text,
    p_expected  integer,
    p_payload   bytea)
returns integer
language plpgsql
as $fn$
declare
    v_new integer;
begin
    if p_expected is not null then
        update orleansstorage as s
           set payloadbinary = p_payload,
               modifiedon = now(),
               version = s.version + 1
         where s.grainidhash = p_id_hash
           and s.graintypehash = p_type_hash
           and s.grainidn0 = p_n0
           and s.grainidn1 = p_n1
           and s.graintypestring = p_type
           and s.grainidextensionstring is not distinct from p_extension
           and s.serviceid = p_service
           and s.version = p_expected
        returning s.version into v_new;
        return v_new;                       -- NULL when nothing matched: stale ETag or row gone
    end if;

    perform pg_advisory_xact_lock(p_type_hash, p_id_hash);

    if exists (
        select 1
          from orleansstorage as s
         where s.grainidhash = p_id_hash
           and s.graintypehash = p_type_hash
           and s.grainidn0 = p_n0
           and s.grainidn1 = p_n1
           and s.graintypestring = p_type
           and s.grainidextensionstring is not distinct from p_extension
           and s.serviceid = p_service) then
        return null;                        -- someone stored state this grain never read
    end if;

    insert into orleansstorage
           (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring,
            grainidextensionstring, serviceid, payloadbinary, modifiedon, version)
    values (p_id_hash, p_n0, p_n1, p_type_hash, p_type,
            p_extension, p_service, p_payload, now(), 1);
    return 1;
end
$fn$;

insert into orleansquery (querykey, querytext)
values
-- Single row, single column NewGrainStateVersion.
('WriteToStorageKey', $q$
select orleans_storage_write(
    @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
    @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary) as newgrainstateversion
$q$),

-- Zero or one row. NULL PayloadBinary (after a clear) reads as "no record" but the Version still
-- becomes the grain's ETag, so the next write updates the existing row.
('ReadFromStorageKey', $q$
select s.payloadbinary, s.version
  from orleansstorage as s
 where s.grainidhash = @GrainIdHash
   and s.graintypehash = @GrainTypeHash
   and s.grainidn0 = @GrainIdN0
   and s.grainidn1 = @GrainIdN1
   and s.graintypestring = @GrainTypeString
   and s.grainidextensionstring is not distinct from @GrainIdExtensionString
   and s.serviceid = @ServiceId
$q$),

-- Keeps the row (and its version history) but drops the payload. The provider reads column 0.
('ClearStorageKey', $q$
update orleansstorage as s
   set payloadbinary = null,
       modifiedon = now(),
       version = s.version + 1
 where s.grainidhash = @GrainIdHash
   and s.graintypehash = @GrainTypeHash
   and s.grainidn0 = @GrainIdN0
   and s.grainidn1 = @GrainIdN1
   and s.graintypestring = @GrainTypeString
   and s.grainidextensionstring is not distinct from @GrainIdExtensionString
   and s.serviceid = @ServiceId
   and s.version = @GrainStateVersion
returning s.version as newgrainstateversion
$q$),

-- DeleteStateOnClear = true: removes the row. The returned value only has to differ from the
-- ETag sent (the provider then resets the ETag to NULL), hence the deleted version plus one.
('DeleteStorageKey', $q$
delete from orleansstorage as s
 where s.grainidhash = @GrainIdHash
   and s.graintypehash = @GrainTypeHash
   and s.grainidn0 = @GrainIdN0
   and s.grainidn1 = @GrainIdN1
   and s.graintypestring = @GrainTypeString
   and s.grainidextensionstring is not distinct from @GrainIdExtensionString
   and s.serviceid = @ServiceId
   and s.version = @GrainStateVersion
returning s.version + 1 as newgrainstateversion
$q$)
on conflict on constraint orleansquery_pk do update set querytext = excluded.querytext;
