using SharpBase.Core.Common;
using SharpBase.Core.Errors;
using SharpBase.Core.Records;
using SharpBase.Core.Schema;
using SharpBase.Storage;

namespace SharpBase.Core.Auth;

/// <summary>Lifetimes of sessions and refresh tokens.</summary>
public sealed record SessionOptions
{
    /// <summary>How long a refresh token stays redeemable; each redemption issues a new one with a fresh lifetime.</summary>
    public TimeSpan RefreshTokenLifetime { get; init; } = TimeSpan.FromDays(30);
}

/// <summary>Where a sign-in comes from, as recorded in its session.</summary>
/// <param name="Ip">The client IP.</param>
/// <param name="UserAgent">The User-Agent header.</param>
public sealed record ClientInfo(string? Ip, string? UserAgent)
{
    /// <summary>No client information (CLI, tests).</summary>
    public static ClientInfo None { get; } = new(null, null);
}

/// <summary>A new refresh token: show <see cref="RefreshToken"/> to the client once; only its hash is stored.</summary>
public sealed record IssuedRefreshToken(string SessionId, string RefreshToken, DateTimeOffset Expires);

/// <summary>
/// Sessions and rotating refresh tokens, beyond PocketBase: each sign-in starts a session (a refresh-token family) and gets
/// an opaque refresh token. Redeeming it consumes it atomically and issues the next one of the family; presenting a consumed
/// token again revokes the whole family (the token was stolen or replayed). A session also ends when the record's
/// <c>tokenKey</c> changes (password or email change), when it is revoked, or when its newest token expires.
/// </summary>
public sealed class SessionService(Database database, RecordStore records, IRandomSource random, TimeProvider time, SessionOptions? options = null)
{
    /// <summary>The <c>kind</c> of refresh tokens in <c>_authTokens</c>.</summary>
    public const string RefreshKind = "refresh";

    /// <summary>Refresh tokens start with this, so they are easy to tell from JWTs (and to find in leaked logs).</summary>
    public const string TokenPrefix = "sbr_";

    private const int TokenRandomChars = 48;
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromHours(1);
    private long _nextPurge;

    /// <summary>The lifetimes in force.</summary>
    public SessionOptions Options { get; } = options ?? new SessionOptions();

    /// <summary>Raised (after commit) when a consumed refresh token was presented again and its family was revoked.</summary>
    public event Action<SessionRow>? ReuseDetected;

    /// <summary>Starts a session for <paramref name="record"/> and returns its first refresh token.</summary>
    public Task<IssuedRefreshToken> StartAsync(RecordRow record, ClientInfo client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(client);
        var now = time.GetUtcNow();
        var issued = new IssuedRefreshToken(Ids.NewRecordId(random), NewToken(), now + Options.RefreshTokenLifetime);
        var row = new SessionRow(issued.SessionId, record.Collection.Id, record.Id, KeyHash(record), Truncate(client.UserAgent, 300),
            Truncate(client.Ip, 64), now, now, issued.Expires, null);
        return database.WriteAsync(async (db, ct) =>
        {
            await AuthTokenStore.InsertSessionAsync(db, row, ct);
            await AuthTokenStore.InsertSecretAsync(db,
                new SecretRow(SecretHash.Of(issued.RefreshToken), RefreshKind, record.Collection.Id, record.Id, issued.SessionId, issued.Expires, null), now, ct);
            await PurgeIfDueAsync(db, now, ct);
            return issued;
        }, cancellationToken);
    }

    /// <summary>
    /// Redeems a refresh token of <paramref name="collection"/>: returns the (re-read) record and the next token of the family.
    /// A reused token revokes its family. Anything invalid gives 401 with one message.
    /// </summary>
    public async Task<(RecordRow Record, IssuedRefreshToken Next)> RedeemAsync(Collection collection, string refreshToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        if (string.IsNullOrEmpty(refreshToken) || refreshToken.Length > 200 || !refreshToken.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            throw Invalid();
        }

        var hash = SecretHash.Of(refreshToken);
        var now = time.GetUtcNow();
        var nextToken = NewToken();
        var expires = now + Options.RefreshTokenLifetime;
        var outcome = await database.WriteAsync(async (db, ct) =>
        {
            if (!await AuthTokenStore.TryConsumeAsync(db, hash, RefreshKind, now, ct))
            {
                var known = await AuthTokenStore.FindSecretAsync(db, hash, ct);
                if (known is { Kind: RefreshKind, UsedAt: not null } && known.SessionId.Length > 0 &&
                    await AuthTokenStore.FindSessionAsync(db, known.SessionId, ct) is { } family &&
                    await AuthTokenStore.RevokeSessionAsync(db, family.Id, null, null, now, ct))
                {
                    return new Outcome(null, family);
                }

                return new Outcome(null, null);
            }

            var secret = await AuthTokenStore.FindSecretAsync(db, hash, ct);
            var session = secret is null ? null : await AuthTokenStore.FindSessionAsync(db, secret.SessionId, ct);
            if (secret is null || session is null || secret.CollectionId != collection.Id || session.Revoked is not null || session.Expires <= now)
            {
                return new Outcome(null, null);
            }

            var record = await records.FindByAsync(db, collection, "id", secret.RecordId, ct);
            if (record is null || KeyHash(record) != session.KeyHash)
            {
                await AuthTokenStore.RevokeSessionAsync(db, session.Id, null, null, now, ct);
                return new Outcome(null, null);
            }

            await AuthTokenStore.InsertSecretAsync(db,
                new SecretRow(SecretHash.Of(nextToken), RefreshKind, collection.Id, record.Id, session.Id, expires, null), now, ct);
            await AuthTokenStore.TouchSessionAsync(db, session.Id, now, expires, ct);
            return new Outcome(record, session);
        }, cancellationToken);

        if (outcome.Record is null)
        {
            if (outcome.Session is { } revoked)
            {
                ReuseDetected?.Invoke(revoked);
            }

            throw Invalid();
        }

        return (outcome.Record, new IssuedRefreshToken(outcome.Session!.Id, nextToken, expires));
    }

    /// <summary>True when session <paramref name="sessionId"/> belongs to <paramref name="record"/> and is still live.</summary>
    public async Task<bool> IsActiveAsync(string sessionId, RecordRow record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var session = await database.ReadAsync((db, ct) => AuthTokenStore.FindSessionAsync(db, sessionId, ct), cancellationToken);
        return session is not null && IsLive(session, record, time.GetUtcNow());
    }

    /// <summary>The live sessions of <paramref name="record"/>, most recently used first.</summary>
    public async Task<IReadOnlyList<SessionRow>> ListAsync(RecordRow record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var now = time.GetUtcNow();
        var rows = await database.ReadAsync(
            (db, ct) => AuthTokenStore.ListActiveSessionsAsync(db, record.Collection.Id, record.Id, now, ct), cancellationToken);
        return rows.Where(s => IsLive(s, record, now)).ToList();
    }

    /// <summary>Revokes one session of <paramref name="record"/>; false when it has no such live session.</summary>
    public Task<bool> RevokeAsync(RecordRow record, string sessionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var now = time.GetUtcNow();
        return database.WriteAsync((db, ct) =>
            AuthTokenStore.RevokeSessionAsync(db, sessionId, record.Collection.Id, record.Id, now, ct), cancellationToken);
    }

    /// <summary>Revokes every session and unused secret of <paramref name="record"/> inside the caller's write.</summary>
    public Task<int> RevokeAllAsync(DbSession db, RecordRow record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return AuthTokenStore.RevokeAllAsync(db, record.Collection.Id, record.Id, time.GetUtcNow(), cancellationToken);
    }

    /// <summary>The SHA-256 of a record's token key, kept in its sessions.</summary>
    public static string KeyHash(RecordRow record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return SecretHash.Of(record.GetString("tokenKey"));
    }

    private static bool IsLive(SessionRow session, RecordRow record, DateTimeOffset now) =>
        session.Revoked is null && session.Expires > now && session.CollectionId == record.Collection.Id && session.RecordId == record.Id &&
        session.KeyHash == KeyHash(record);

    private static UnauthorizedException Invalid() => new("Invalid or expired refresh token.");

    private static string Truncate(string? value, int max) => value is null ? "" : value.Length <= max ? value : value[..max];

    private string NewToken() => TokenPrefix + random.NextString(TokenRandomChars, Ids.AlphanumericAlphabet);

    private async Task PurgeIfDueAsync(DbSession db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = Interlocked.Read(ref _nextPurge);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextPurge, now.UtcTicks + PurgeEvery.Ticks, due) != due)
        {
            return;
        }

        await AuthTokenStore.PurgeAsync(db, now, cancellationToken);
    }

    private sealed record Outcome(RecordRow? Record, SessionRow? Session);
}
