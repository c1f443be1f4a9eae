using System.Data.Common;
using System.Globalization;
using SharpBase.Storage;
using SharpBase.Storage.Catalog;

namespace SharpBase.Core.Auth;

/// <summary>One stored sign-in session (a refresh-token family) as read from <c>_sessions</c>.</summary>
/// <param name="Id">The session id.</param>
/// <param name="CollectionId">The auth collection of the record.</param>
/// <param name="RecordId">The signed-in record.</param>
/// <param name="KeyHash">SHA-256 of the record's <c>tokenKey</c> when the session started; a rotated key ends the session.</param>
/// <param name="UserAgent">The client's User-Agent at sign-in (truncated).</param>
/// <param name="Ip">The client's IP at sign-in.</param>
/// <param name="Created">When the session started.</param>
/// <param name="LastUsed">When a refresh token of the session was last redeemed.</param>
/// <param name="Expires">When the newest refresh token of the session expires.</param>
/// <param name="Revoked">When the session was revoked, or null.</param>
public sealed record SessionRow(
    string Id, string CollectionId, string RecordId, string KeyHash, string UserAgent, string Ip,
    DateTimeOffset Created, DateTimeOffset LastUsed, DateTimeOffset Expires, DateTimeOffset? Revoked);

/// <summary>One stored secret hash (refresh token or single-use flow token) as read from <c>_authTokens</c>.</summary>
public sealed record SecretRow(string Hash, string Kind, string CollectionId, string RecordId, string SessionId, DateTimeOffset Expires, DateTimeOffset? UsedAt);

/// <summary>
/// Plain SQL over the auth system tables <c>_sessions</c> and <c>_authTokens</c>. Secrets are only ever stored as SHA-256
/// hashes; a secret is consumed with one conditional UPDATE so concurrent submissions succeed at most once. Every method
/// runs on the connection and transaction it is given, so callers compose them into one write.
/// </summary>
public static class AuthTokenStore
{
    private const string Sessions = "\"" + SystemTables.AuthSessionsTable + "\"";
    private const string Secrets = "\"" + SystemTables.AuthSecretsTable + "\"";
    private const string SessionColumns = "id, collection_id, record_id, key_hash, user_agent, ip, created, last_used, expires, revoked";

    /// <summary>Inserts a session.</summary>
    public static async Task InsertSessionAsync(DbSession session, SessionRow row, CancellationToken cancellationToken)
    {
        await using var command = session.Command(
            $"INSERT INTO {Sessions} ({SessionColumns}) VALUES (@id, @c, @r, @k, @ua, @ip, @created, @used, @expires, NULL)");
        command.AddParameter("@id", row.Id);
        command.AddParameter("@c", row.CollectionId);
        command.AddParameter("@r", row.RecordId);
        command.AddParameter("@k", row.KeyHash);
        command.AddParameter("@ua", row.UserAgent);
        command.AddParameter("@ip", row.Ip);
        command.AddParameter("@created", row.Created.ToUnixTimeMilliseconds());
        command.AddParameter("@used", row.LastUsed.ToUnixTimeMilliseconds());
        command.AddParameter("@expires", row.Expires.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The session <paramref name="id"/>, or null.</summary>
    public static async Task<SessionRow?> FindSessionAsync(DbSession session, string id, CancellationToken cancellationToken)
    {
        await using var command = session.Command($"SELECT {SessionColumns} FROM {Sessions} WHERE id = @id");
        command.AddParameter("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadSession(reader) : null;
    }

    /// <summary>The sessions of a record that are neither revoked nor expired at <paramref name="now"/>, newest use first.</summary>
    public static async Task<IReadOnlyList<SessionRow>> ListActiveSessionsAsync(DbSession session, string collectionId, string recordId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = session.Command(
            $"SELECT {SessionColumns} FROM {Sessions} WHERE collection_id = @c AND record_id = @r AND revoked IS NULL AND expires > @now " +
            "ORDER BY last_used DESC, id LIMIT 500");
        command.AddParameter("@c", collectionId);
        command.AddParameter("@r", recordId);
        command.AddParameter("@now", now.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new List<SessionRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(ReadSession(reader));
        }

        return result;
    }

    /// <summary>Marks a session used and moves its expiry to that of its newest refresh token.</summary>
    public static async Task TouchSessionAsync(DbSession session, string id, DateTimeOffset now, DateTimeOffset expires,
        CancellationToken cancellationToken)
    {
        await using var command = session.Command($"UPDATE {Sessions} SET last_used = @now, expires = @expires WHERE id = @id");
        command.AddParameter("@id", id);
        command.AddParameter("@now", now.ToUnixTimeMilliseconds());
        command.AddParameter("@expires", expires.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Revokes one session; <paramref name="recordId"/> null revokes it whoever owns it. False when nothing was revoked.</summary>
    public static async Task<bool> RevokeSessionAsync(DbSession session, string id, string? collectionId, string? recordId,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var owner = recordId is null ? "" : " AND collection_id = @c AND record_id = @r";
        await using var command = session.Command($"UPDATE {Sessions} SET revoked = @now WHERE id = @id AND revoked IS NULL{owner}");
        command.AddParameter("@id", id);
        command.AddParameter("@now", now.ToUnixTimeMilliseconds());
        if (recordId is not null)
        {
            command.AddParameter("@c", collectionId);
            command.AddParameter("@r", recordId);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>Revokes every session of a record and burns its unused secrets; returns the number of sessions revoked.</summary>
    public static async Task<int> RevokeAllAsync(DbSession session, string collectionId, string recordId, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        int revoked;
        await using (var command = session.Command(
                         $"UPDATE {Sessions} SET revoked = @now WHERE collection_id = @c AND record_id = @r AND revoked IS NULL"))
        {
            command.AddParameter("@c", collectionId);
            command.AddParameter("@r", recordId);
            command.AddParameter("@now", now.ToUnixTimeMilliseconds());
            revoked = await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var command = session.Command(
                         $"UPDATE {Secrets} SET used_at = @now WHERE collection_id = @c AND record_id = @r AND used_at IS NULL"))
        {
            command.AddParameter("@c", collectionId);
            command.AddParameter("@r", recordId);
            command.AddParameter("@now", now.ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return revoked;
    }

    /// <summary>Stores the hash of a new secret.</summary>
    public static async Task InsertSecretAsync(DbSession session, SecretRow secret, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = session.Command(
            $"INSERT INTO {Secrets} (hash, kind, collection_id, record_id, session_id, created, expires, used_at) " +
            "VALUES (@hash, @kind, @c, @r, @s, @now, @expires, NULL)");
        command.AddParameter("@hash", secret.Hash);
        command.AddParameter("@kind", secret.Kind);
        command.AddParameter("@c", secret.CollectionId);
        command.AddParameter("@r", secret.RecordId);
        command.AddParameter("@s", secret.SessionId);
        command.AddParameter("@now", now.ToUnixTimeMilliseconds());
        command.AddParameter("@expires", secret.Expires.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Consumes the secret with hash <paramref name="hash"/> of <paramref name="kind"/> when it is unused and unexpired, with
    /// one conditional UPDATE: of any number of concurrent callers at most one gets true.
    /// </summary>
    public static async Task<bool> TryConsumeAsync(DbSession session, string hash, string kind, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        await using var command = session.Command(
            $"UPDATE {Secrets} SET used_at = @now WHERE hash = @hash AND kind = @kind AND used_at IS NULL AND expires > @now");
        command.AddParameter("@hash", hash);
        command.AddParameter("@kind", kind);
        command.AddParameter("@now", now.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The secret with hash <paramref name="hash"/>, or null.</summary>
    public static async Task<SecretRow?> FindSecretAsync(DbSession session, string hash, CancellationToken cancellationToken)
    {
        await using var command = session.Command(
            $"SELECT hash, kind, collection_id, record_id, session_id, expires, used_at FROM {Secrets} WHERE hash = @hash");
        command.AddParameter("@hash", hash);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new SecretRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
            Time(reader.GetValue(5))!.Value, Time(reader.GetValue(6)));
    }

    /// <summary>Deletes secrets and sessions that expired more than a day before <paramref name="now"/>.</summary>
    public static async Task PurgeAsync(DbSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddDays(-1).ToUnixTimeMilliseconds();
        foreach (var sql in new[] { $"DELETE FROM {Secrets} WHERE expires < @cutoff", $"DELETE FROM {Sessions} WHERE expires < @cutoff" })
        {
            await using var command = session.Command(sql);
            command.AddParameter("@cutoff", cutoff);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static SessionRow ReadSession(DbDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
        Time(reader.GetValue(6))!.Value, Time(reader.GetValue(7))!.Value, Time(reader.GetValue(8))!.Value, Time(reader.GetValue(9)));

    private static DateTimeOffset? Time(object value) =>
        value is DBNull or null ? null : DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, CultureInfo.InvariantCulture));
}
