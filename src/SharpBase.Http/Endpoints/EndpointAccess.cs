using Microsoft.AspNetCore.Builder;

namespace SharpBase.Http.Endpoints;

/// <summary>
/// Who may call a route, attached to every endpoint with <see cref="EndpointAccessExtensions.RequiresAccess"/> so the
/// OpenAPI generator (and the tests that hold it to the truth) read it from
/// <c>endpoint.Metadata.GetMetadata&lt;EndpointAccess&gt;()</c> instead of from the handlers. It only describes the route:
/// the handler or the service behind it still enforces the requirement.
/// </summary>
public sealed class EndpointAccess
{
    private EndpointAccess(EndpointCaller caller, IReadOnlyList<CollectionApiRule> rules)
    {
        Caller = caller;
        Rules = rules;
    }

    /// <summary>No credentials needed (a token in the body, such as a reset token, may still be).</summary>
    public static EndpointAccess Anyone { get; } = new(EndpointCaller.Anyone, []);

    /// <summary>A valid token of a record of the route's auth collection: 401 for guests, 403 for another collection.</summary>
    public static EndpointAccess SignedInRecord { get; } = new(EndpointCaller.SignedInRecord, []);

    /// <summary>A superuser token: 401 for guests, 403 for any other record.</summary>
    public static EndpointAccess Superuser { get; } = new(EndpointCaller.Superuser, []);

    /// <summary>What kind of caller the route admits.</summary>
    public EndpointCaller Caller { get; }

    /// <summary>The collection API rules that decide the call when <see cref="Caller"/> is <see cref="EndpointCaller.CollectionRule"/>; empty otherwise.</summary>
    public IReadOnlyList<CollectionApiRule> Rules { get; }

    /// <summary>Access decided per request by the named collection rule(s), e.g. the <c>listRule</c> of the route's collection.</summary>
    public static EndpointAccess DecidedBy(params CollectionApiRule[] rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfZero(rules.Length);
        return new EndpointAccess(EndpointCaller.CollectionRule, [.. rules]);
    }

    /// <summary>Reads as <c>Superuser</c> or <c>CollectionRule(ListRule)</c>, for test failures and logs.</summary>
    public override string ToString() => Rules.Count == 0 ? Caller.ToString() : $"{Caller}({string.Join(", ", Rules)})";
}

/// <summary>The kinds of caller a route can require; see <see cref="EndpointAccess"/>.</summary>
public enum EndpointCaller
{
    /// <summary>Anyone, guests included.</summary>
    Anyone,

    /// <summary>A signed-in record of the route's auth collection.</summary>
    SignedInRecord,

    /// <summary>A superuser.</summary>
    Superuser,

    /// <summary>The collection's API rule decides: <c>null</c> lets only superusers in, <c>""</c> everyone, an expression those it matches.</summary>
    CollectionRule,
}

/// <summary>A collection's API rules; each member's camel-case name is the collection's JSON field (<c>ListRule</c> → <c>listRule</c>).</summary>
public enum CollectionApiRule
{
    /// <summary>Who may list records (and which they see).</summary>
    ListRule,

    /// <summary>Who may view one record.</summary>
    ViewRule,

    /// <summary>Who may create a record.</summary>
    CreateRule,

    /// <summary>Who may update a record.</summary>
    UpdateRule,

    /// <summary>Who may delete a record.</summary>
    DeleteRule,

    /// <summary>Auth collections: which records may receive an auth token (checked on sign-in, refresh and impersonation).</summary>
    AuthRule,

    /// <summary>
    /// Auth collections: who may manage other records (change their email or password, see their email). It widens what an
    /// update may do; no route is decided by it alone, so no route declares it today.
    /// </summary>
    ManageRule,
}

/// <summary>Attaches <see cref="EndpointAccess"/> to a route or a route group.</summary>
public static class EndpointAccessExtensions
{
    /// <summary>Declares who may call the route(s); see <see cref="EndpointAccess"/>.</summary>
    public static TBuilder RequiresAccess<TBuilder>(this TBuilder builder, EndpointAccess access)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(access);
        return builder.WithMetadata(access);
    }
}
