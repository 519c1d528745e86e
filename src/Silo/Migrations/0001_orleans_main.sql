-- Orleans ADO.NET providers (invariant "Npgsql") do not embed SQL: at start-up each provider runs
-- "SELECT QueryKey, QueryText FROM OrleansQuery" and executes the text stored under fixed keys,
-- binding parameters by name (@Name) and reading result columns by name. This table is that
-- catalogue; 0002-0004 add the tables plus the entries each provider looks up.
-- Unquoted identifiers fold to lower case; Npgsql resolves column names case-insensitively, so the
-- provider's "QueryKey"/"QueryText" find querykey/querytext.

create table if not exists orleansquery
(
    querykey  varchar(64) not null,
    querytext text        not null,

    constraint orleansquery_pk primary key (querykey),
    constraint orleansquery_key_not_blank check (btrim(querykey) <> '')
);

comment on table orleansquery is
    'Named SQL read by the Orleans ADO.NET providers at start-up (contract: key, parameter and result column names).';
