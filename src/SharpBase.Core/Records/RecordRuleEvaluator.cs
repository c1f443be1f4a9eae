using SharpBase.Core.Auth;
using SharpBase.Core.Query;

namespace SharpBase.Core.Records;

/// <summary>Evaluates an auth collection's <c>authRule</c> against the record being signed in, with the same SQL as every other rule.</summary>
public sealed class RecordRuleEvaluator(RecordService records) : IAuthRuleEvaluator
{
    /// <inheritdoc />
    public Task<bool> MatchesAsync(RecordRow record, string rule, AuthContext caller, string requestContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(caller);
        var info = RequestInfo.Guest with { Auth = caller.Record, Method = "POST", Context = requestContext };
        return records.Database.ReadAsync(async (connection, ct) =>
            await records.FindUnderRuleAsync(new DbSession(connection, null), record.Collection, record.Id, rule, info, ct) is not null, cancellationToken);
    }
}
