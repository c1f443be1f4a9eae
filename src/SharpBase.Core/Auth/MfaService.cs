using SharpBase.Core.Common;
using SharpBase.Core.Errors;
using SharpBase.Core.Records;
using SharpBase.Core.Schema;
using SharpBase.Storage;

namespace SharpBase.Core.Auth;

/// <summary>
/// Multi-factor authentication as PocketBase runs it (<c>checkMFA</c> in its <c>apis/record_helpers.go</c>): with
/// <c>mfa.enabled</c> (and the record matching <c>mfa.rule</c>, when set), the first successful method only stores an
/// <c>_mfas</c> row and the caller gets <c>401 {"mfaId"}</c>; a later sign-in with a <em>different</em> method that
/// presents that id within <c>mfa.duration</c> seconds completes, consuming the row. Methods are not paired: any two
/// different ones do.
/// </summary>
public sealed class MfaService(SchemaRegistry registry, Database database, RecordStore records, IAuthRuleEvaluator rules, IRandomSource random,
    TimeProvider time)
{
    private const string InvalidOrExpired = "Invalid or expired MFA session.";

    /// <summary>
    /// Decides whether <paramref name="record"/>, just authenticated with <paramref name="method"/>, may receive a token:
    /// null when it may (MFA off, the rule not matching, or <paramref name="mfaId"/> completing an earlier, different method);
    /// otherwise the id of a new <c>_mfas</c> row to answer with. An unknown, expired or foreign <paramref name="mfaId"/>, or
    /// one started by the same method, is a 400 and hands out nothing.
    /// </summary>
    public async Task<string?> CheckAsync(RecordRow record, string method, string mfaId, AuthContext caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var options = record.Collection.Auth?.Mfa;
        if (options is not { Enabled: true } || method.Length == 0 || !await WantsMfaAsync(record, options.Rule, caller, cancellationToken))
        {
            return null;
        }

        var mfas = registry.Current.Find(SystemCollections.MfasId) ?? throw new BadRequestException("Failed to authenticate.");
        return mfaId.Length == 0
            ? await StartAsync(mfas, record, method, cancellationToken)
            : await CompleteAsync(mfas, record, method, mfaId, TimeSpan.FromSeconds(options.Duration), cancellationToken);
    }

    private async Task<bool> WantsMfaAsync(RecordRow record, string rule, AuthContext caller, CancellationToken cancellationToken)
    {
        if (rule.Length == 0)
        {
            return true;
        }

        try
        {
            return await rules.MatchesAsync(record, rule, caller, "default", cancellationToken);
        }
        catch (ApiException)
        {
            // A rule that cannot run must not let the record skip its second factor (PocketBase answers the same 400).
            throw new BadRequestException("Failed to authenticate.");
        }
    }

    private async Task<string> StartAsync(Collection mfas, RecordRow record, string method, CancellationToken cancellationToken)
    {
        var id = Ids.NewRecordId(random);
        var now = Now();
        await database.WriteAsync(async (session, ct) =>
        {
            await records.InsertAsync(session, mfas, new Dictionary<string, object?>
            {
                ["id"] = id, ["collectionRef"] = record.Collection.Id, ["recordRef"] = record.Id, ["method"] = method, ["created"] = now, ["updated"] = now,
            }, ct);
            return true;
        }, cancellationToken);
        return id;
    }

    private async Task<string?> CompleteAsync(Collection mfas, RecordRow record, string method, string mfaId, TimeSpan duration,
        CancellationToken cancellationToken)
    {
        var failure = await database.WriteAsync(async (session, ct) =>
        {
            var mfa = mfaId.Length <= 255 ? await records.FindByAsync(session, mfas, "id", mfaId, ct) : null;
            if (mfa is null)
            {
                return InvalidOrExpired;
            }

            if (mfa.Values["created"] is not DateTimeOffset created || Now() - created > duration)
            {
                await records.DeleteAsync(session, mfas, mfa.Id, ct);
                return InvalidOrExpired;
            }

            if (mfa.GetString("recordRef") != record.Id || mfa.GetString("collectionRef") != record.Collection.Id)
            {
                return "Invalid MFA session.";
            }

            if (mfa.GetString("method") == method)
            {
                return "A different authentication method is required.";
            }

            // Consumed by whoever deletes it: of two parallel completions with one id, only one gets a token.
            return await records.DeleteAsync(session, mfas, mfa.Id, ct) ? null : InvalidOrExpired;
        }, cancellationToken);
        return failure is null ? null : throw new BadRequestException(failure);
    }

    private DateTimeOffset Now() => DateTimeText.NowToMilliseconds(time);
}
