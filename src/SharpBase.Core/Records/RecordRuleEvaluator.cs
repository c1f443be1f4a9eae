using SharpBase.Core.Auth;
using SharpBase.Core.Query;
using SharpBase.Core.Schema;
using SharpBase.Storage;

namespace SharpBase.Core.Records;

/// <summary>Evaluates an auth collection's <c>authRule</c> against the record being signed in, with the same SQL as every other rule.</summary>
public sealed class RecordRuleEvaluator(Database database, SchemaRegistry registry, RecordFinder finder) : IAuthRuleEvaluator
{
    /// <inheritdoc />
    public Task<bool> MatchesAsync(RecordRow record, string rule, AuthContext caller, string requestContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(caller);
        var info = RequestInfo.Guest with { Auth = caller.Record, Method = "POST", Context = requestContext };
        var schema = registry.Current;
        return database.ReadAsync(async (session, ct) =>
            await finder.FindUnderRuleAsync(session, schema, record.Collection, record.Id, rule, info, ct) is not null, cancellationToken);
    }
}
