using Microsoft.Extensions.Logging;
using SharpBase.Core.Common;
using SharpBase.Core.Records;
using SharpBase.Core.Schema;
using SharpBase.Storage;

namespace SharpBase.Core.Auth;

/// <summary>What a sign-in returns: the JWT, the record, and (for a new session) its first refresh token.</summary>
public sealed record AuthResult(string Token, RecordRow Record, string? RefreshToken = null)
{
    /// <summary>
    /// Set instead of a token when the collection's MFA wants a second, different method: the <c>_mfas</c> id the client
    /// presents with it (<see cref="Token"/> is then empty and no session was started).
    /// </summary>
    public string? MfaId { get; init; }

    /// <summary>The answer of a first factor that MFA holds back: no token, no session, only the <c>_mfas</c> id.</summary>
    public static AuthResult MfaRequired(RecordRow record, string mfaId) => new("", record) { MfaId = mfaId };
}

/// <summary>
/// Turns tokens into callers and credentials into tokens, for every auth collection: token authentication, password
/// sign-in with throttling, refresh, refresh tokens and sessions, impersonation, and the credentials-changed hook.
/// </summary>
public sealed partial class AuthService
{
    /// <summary>The extra JWT claim naming the session a token belongs to.</summary>
    public const string SessionClaim = "sid";

    private readonly SchemaRegistry _registry;
    private readonly Database _database;
    private readonly RecordStore _records;
    private readonly PasswordHasher _hasher;
    private readonly TokenService _tokens;
    private readonly PasswordRehasher _rehasher;
    private readonly IRandomSource _random;
    private readonly TimeProvider _time;

    /// <summary>Creates the service over the engine's parts (the service container calls this).</summary>
    public AuthService(SchemaRegistry registry, Database database, RecordStore records, PasswordHasher hasher, TokenService tokens,
        PasswordRehasher rehasher, IRandomSource random, TimeProvider time, LoginThrottle throttle, SessionService sessions, AuthRuleGate rules,
        MfaService mfa, ILogger<AuthService> logger)
    {
        _registry = registry;
        _database = database;
        _records = records;
        _hasher = hasher;
        _tokens = tokens;
        _rehasher = rehasher;
        _random = random;
        _time = time;
        Throttle = throttle;
        Sessions = sessions;
        Rules = rules;
        Mfa = mfa;
        Logger = logger;
        Sessions.ReuseDetected += session => AuthLog.RefreshTokenReused(Logger, session.Id, session.CollectionId, session.RecordId);
    }

    /// <summary>Sign-in throttling.</summary>
    public LoginThrottle Throttle { get; }

    /// <summary>Sessions and refresh tokens.</summary>
    public SessionService Sessions { get; }

    /// <summary>The <c>authRule</c> check run before every auth response.</summary>
    public AuthRuleGate Rules { get; }

    /// <summary>The multi-factor check run after the <c>authRule</c> of every sign-in with a method.</summary>
    public MfaService Mfa { get; }

    /// <summary>Where auth events (impersonation, refresh-token reuse) are logged; never with a token or password.</summary>
    public ILogger Logger { get; }

    /// <summary>
    /// The caller behind an <c>Authorization</c> header value (with or without <c>Bearer </c>). Anything invalid,
    /// expired or revoked makes the caller a guest, as in PocketBase; only routes that need auth answer 401.
    /// </summary>
    public async Task<AuthContext> AuthenticateAsync(string? header, CancellationToken cancellationToken)
    {
        var token = header?.Trim() ?? "";
        if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = token[7..].Trim();
        }

        if (token.Length == 0 || token.Length > TokenService.MaxTokenLength || !_tokens.TryReadUnverified(token, out var unverified) ||
            unverified.Type != "auth")
        {
            return AuthContext.Guest;
        }

        if (_registry.Current.Find(unverified.CollectionId) is not { Type: CollectionType.Auth, Auth: { } auth } collection ||
            collection.Id != unverified.CollectionId)
        {
            return AuthContext.Guest;
        }

        var record = await _records.FindByAsync(collection, "id", unverified.Id, cancellationToken);
        var claims = record is null ? null : _tokens.Validate(token, record.GetString("tokenKey") + auth.AuthToken.Secret, "auth");
        if (record is null || claims is null || claims.Id != record.Id || claims.CollectionId != collection.Id)
        {
            return AuthContext.Guest;
        }

        var sessionId = claims.Extra.GetValueOrDefault(SessionClaim);
        if (sessionId is not null && !await Sessions.IsActiveAsync(sessionId, record, cancellationToken))
        {
            return AuthContext.Guest;
        }

        return AuthContext.For(record, claims.Refreshable == true, sessionId);
    }

    /// <summary>A new auth token for <paramref name="record"/>, valid for the collection's auth token duration.</summary>
    public string IssueAuthToken(RecordRow record, bool refreshable = true) => IssueAuthToken(record, refreshable, null, TimeSpan.Zero);

    /// <summary>
    /// A new auth token for <paramref name="record"/>: bound to session <paramref name="sessionId"/> when given (revoking the
    /// session then revokes the token), valid for <paramref name="lifetime"/> or, when that is zero, the collection's duration.
    /// </summary>
    public string IssueAuthToken(RecordRow record, bool refreshable, string? sessionId, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(record);
        var auth = record.Collection.Auth ?? throw new ArgumentException("Not an auth record.", nameof(record));
        if (lifetime <= TimeSpan.Zero)
        {
            lifetime = TimeSpan.FromSeconds(Math.Max(1, auth.AuthToken.Duration));
        }

        var extra = sessionId is null ? null : new Dictionary<string, string> { [SessionClaim] = sessionId };
        return _tokens.Issue(new TokenClaims(record.Id, "auth", record.Collection.Id, refreshable, extra),
            record.GetString("tokenKey") + auth.AuthToken.Secret, lifetime);
    }
}
