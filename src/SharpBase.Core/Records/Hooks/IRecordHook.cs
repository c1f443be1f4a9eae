namespace SharpBase.Core.Records.Hooks;

/// <summary>
/// A subscriber to record writes: every create, update and delete, whether it came from the records API, a batch or a
/// cascade. Register one with <c>services.AddRecordHook&lt;T&gt;()</c>; hooks run in registration order. Realtime, webhooks,
/// file clean-up and JavaScript hooks subscribe here; auth's credentials-changed handling is one today.
/// </summary>
public interface IRecordHook
{
    /// <summary>
    /// Before the row is written, inside the transaction: may change <see cref="RecordChange.Values"/> (create and update)
    /// or reject the write by throwing an <see cref="Errors.ApiException"/>, which rolls everything back. Values are checked
    /// by field validation after every hook has run.
    /// </summary>
    public Task BeforeWriteAsync(RecordChange change, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// After the row is written, inside the transaction: may write more on <see cref="RecordChange.Session"/> (set
    /// <see cref="RecordChange.StoredRowChanged"/> when it rewrote the record itself) or throw to roll back.
    /// </summary>
    public Task AfterWriteAsync(RecordChange change, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// After the transaction committed, in commit order of the session's writes; never after a rollback. The session is
    /// closed by then. A failure is logged and does not undo the write; keep it short (hand work to a queue).
    /// </summary>
    public Task AfterCommitAsync(RecordChange change, CancellationToken cancellationToken) => Task.CompletedTask;
}
