using SharpBase.Core.Errors;
using SharpBase.Core.Records;

namespace SharpBase.Core.Auth;

/// <summary>
/// Evaluates a non-empty <c>authRule</c> expression for one record, the way PocketBase's <c>CanAccessRecord</c> does:
/// true when the record matches the rule with the caller as <c>@request.auth</c>. The records module
/// registers the implementation (it owns the rule compiler).
/// </summary>
public interface IAuthRuleEvaluator
{
    /// <summary>True when <paramref name="record"/> satisfies <paramref name="rule"/> for the caller and request context.</summary>
    public Task<bool> MatchesAsync(RecordRow record, string rule, AuthContext caller, string requestContext, CancellationToken cancellationToken);
}

/// <summary>
/// Checks the collection's <c>authRule</c> before every auth response (password, refresh, refresh token, impersonate):
/// superuser callers pass; a null rule lets nobody else sign in; <c>""</c> lets everyone; an expression must match.
/// </summary>
public sealed class AuthRuleGate(IAuthRuleEvaluator evaluator)
{
    /// <summary>The message of the 403, as PocketBase words it.</summary>
    public const string DeniedMessage = "The request doesn't satisfy the collection requirements to authenticate.";

    /// <summary>Throws 403 unless <paramref name="record"/> may receive an auth response for <paramref name="caller"/>.</summary>
    public async Task EnsureAllowedAsync(RecordRow record, AuthContext caller, string requestContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.IsSuperuser)
        {
            return;
        }

        var rule = record.Collection.Auth?.AuthRule;
        var allowed = rule switch
        {
            null => false,
            "" => true,
            _ => await evaluator.MatchesAsync(record, rule, caller, requestContext, cancellationToken),
        };
        if (!allowed)
        {
            throw new ForbiddenException(DeniedMessage);
        }
    }
}
