-- 0001: the query catalog of the Orleans ADO.NET providers (invariant "Npgsql").
--
-- The providers ship no SQL: at start-up they read `SELECT QueryKey, QueryText FROM OrleansQuery`
-- and run the texts stored here. They name the table and columns unquoted and without a schema,
-- so PostgreSQL folds them to lowercase and resolves them through the role's search_path: the
-- identifiers here must be lowercase and unquoted (a quoted "OrleansQuery" would not be found).
-- Later migrations add their queries with INSERT ... ON CONFLICT DO UPDATE, so a migration can
-- replace a query text; running providers cache the texts until they restart.

CREATE TABLE orleansquery (
    querykey  text PRIMARY KEY,  -- unique: the clustering provider loads the rows into a dictionary
    querytext text NOT NULL      -- text, not varchar(n): no length limit to trip over
);

COMMENT ON TABLE orleansquery IS
    'Query texts run by the Orleans ADO.NET providers, looked up by QueryKey. Managed by migrations.';
