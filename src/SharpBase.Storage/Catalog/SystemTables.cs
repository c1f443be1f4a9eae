using SharpBase.Storage.Dialects;
using SharpBase.Storage.Schema;

namespace SharpBase.Storage.Catalog;

/// <summary>
/// The system tables: <c>_collections</c> (the schema, one JSON document per collection), <c>_params</c> (settings and
/// other JSON values by key) and <c>_migrations</c> (applied migration files); for auth, <c>_sessions</c> (sign-in
/// sessions, i.e. refresh-token families) and <c>_authTokens</c> (SHA-256 hashes of refresh tokens and single-use flow
/// tokens, consumed with one conditional UPDATE). Auth times are Unix milliseconds, so both databases store them alike.
/// </summary>
public static class SystemTables
{
    /// <summary>The lock key that serializes system-table DDL across nodes sharing one PostgreSQL.</summary>
    public const long SchemaLockKey = 0x5348_4250_5343_484D; // "SHBPSCHM"

    /// <summary>Sign-in sessions (refresh-token families).</summary>
    public const string AuthSessionsTable = "_sessions";

    /// <summary>Hashes of refresh tokens and single-use flow tokens.</summary>
    public const string AuthSecretsTable = "_authTokens";

    /// <summary>Creates the system tables and their indexes when missing; safe to run concurrently from several nodes.</summary>
    public static Task EnsureCreatedAsync(Database database, CancellationToken cancellationToken) =>
        database.WriteAsync(async (session, ct) =>
        {
            var dialect = session.Dialect;
            var statements = new List<string>();
            if (session.Dialect.AdvisoryTransactionLock(SchemaLockKey) is { } lockStatement)
            {
                statements.Add(lockStatement);
            }

            statements.AddRange(CreateStatements(dialect));
            foreach (var sql in statements)
            {
                await using var command = session.Command(sql);
                await command.ExecuteNonQueryAsync(ct);
            }

            return true;
        }, cancellationToken);

    private static IEnumerable<string> CreateStatements(SqlDialect dialect)
    {
        string Q(string identifier) => dialect.QuoteIdentifier(identifier);
        var json = dialect.ColumnDefinition(new ColumnSpec("data", ColumnType.Json, JsonDefault: "{}"));
        var date = dialect.ColumnDefinition(new ColumnSpec("applied", ColumnType.DateTime));
        yield return $"CREATE TABLE IF NOT EXISTS {Q(CollectionTable.TableName)} ({Q("id")} TEXT PRIMARY KEY NOT NULL, {Q("name")} TEXT NOT NULL, {Q("data")} {json})";
        yield return $"CREATE UNIQUE INDEX IF NOT EXISTS {Q("_collections_name_idx")} ON {Q(CollectionTable.TableName)} (lower({Q("name")}))";
        yield return $"CREATE TABLE IF NOT EXISTS {Q(ParamTable.TableName)} ({Q("key")} TEXT PRIMARY KEY NOT NULL, {Q("value")} {json})";
        yield return $"CREATE TABLE IF NOT EXISTS {Q(MigrationTable.TableName)} ({Q("file")} TEXT PRIMARY KEY NOT NULL, {Q("applied")} {date})";
        yield return $"CREATE TABLE IF NOT EXISTS {Q(AuthSessionsTable)} (id TEXT PRIMARY KEY NOT NULL, collection_id TEXT NOT NULL, " +
                     "record_id TEXT NOT NULL, key_hash TEXT NOT NULL, user_agent TEXT NOT NULL DEFAULT '', ip TEXT NOT NULL DEFAULT '', " +
                     "created BIGINT NOT NULL, last_used BIGINT NOT NULL, expires BIGINT NOT NULL, revoked BIGINT NULL)";
        yield return $"CREATE INDEX IF NOT EXISTS {Q("_sessions_record_idx")} ON {Q(AuthSessionsTable)} (collection_id, record_id)";
        yield return $"CREATE TABLE IF NOT EXISTS {Q(AuthSecretsTable)} (hash TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, " +
                     "collection_id TEXT NOT NULL, record_id TEXT NOT NULL, session_id TEXT NOT NULL DEFAULT '', " +
                     "created BIGINT NOT NULL, expires BIGINT NOT NULL, used_at BIGINT NULL)";
        yield return $"CREATE INDEX IF NOT EXISTS {Q("_authTokens_session_idx")} ON {Q(AuthSecretsTable)} (session_id)";
        yield return $"CREATE INDEX IF NOT EXISTS {Q("_authTokens_record_idx")} ON {Q(AuthSecretsTable)} (collection_id, record_id)";
    }
}
