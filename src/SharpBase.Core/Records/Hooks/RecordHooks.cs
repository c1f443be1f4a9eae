using Microsoft.Extensions.Logging;

namespace SharpBase.Core.Records.Hooks;

/// <summary>Runs the registered <see cref="IRecordHook"/>s for one write, and schedules their after-commit step.</summary>
public sealed partial class RecordHooks(IEnumerable<IRecordHook> hooks, ILogger<RecordHooks> logger)
{
    private readonly IRecordHook[] _hooks = [.. hooks];

    /// <summary>Every hook's before-write step, in order.</summary>
    public async Task BeforeWriteAsync(RecordChange change, CancellationToken cancellationToken)
    {
        foreach (var hook in _hooks)
        {
            await hook.BeforeWriteAsync(change, cancellationToken);
        }
    }

    /// <summary>Every hook's after-write step, in order; then registers their after-commit step on the session.</summary>
    public async Task AfterWriteAsync(RecordChange change, CancellationToken cancellationToken)
    {
        foreach (var hook in _hooks)
        {
            await hook.AfterWriteAsync(change, cancellationToken);
        }

        if (_hooks.Length > 0)
        {
            change.Session.OnCommitted(ct => AfterCommitAsync(change, ct));
        }
    }

    private async Task AfterCommitAsync(RecordChange change, CancellationToken cancellationToken)
    {
        foreach (var hook in _hooks)
        {
            try
            {
                await hook.AfterCommitAsync(change, cancellationToken);
            }
            catch (Exception exception)
            {
                // The write stands; one failing subscriber must not keep the others from hearing of it.
                LogAfterCommitFailed(logger, exception, hook.GetType().Name, change.Action, change.Collection.Name, change.RecordId);
            }
        }
    }

    [LoggerMessage(EventId = 3100, Level = LogLevel.Error, Message = "Record hook {Hook} failed after commit of {Action} {Collection}/{RecordId}")]
    private static partial void LogAfterCommitFailed(ILogger logger, Exception exception, string hook, RecordAction action, string collection, string recordId);
}
