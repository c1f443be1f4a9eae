using Microsoft.Extensions.Logging;

namespace SharpBase.Core.Auth;

/// <summary>Auth log messages (event ids 1100–1199). No message takes a token, password, secret or hash.</summary>
internal static partial class AuthLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning,
        Message = "Superuser {SuperuserId} impersonated record {RecordId} of {Collection} with a token valid for {Seconds} s")]
    public static partial void Impersonated(ILogger logger, string superuserId, string collection, string recordId, long seconds);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning,
        Message = "A used refresh token was presented again: session {SessionId} of record {RecordId} ({CollectionId}) was revoked")]
    public static partial void RefreshTokenReused(ILogger logger, string sessionId, string collectionId, string recordId);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Sending the {Kind} mail for record {RecordId} failed")]
    public static partial void FlowMailFailed(ILogger logger, Exception exception, string kind, string recordId);
}
