using SharpBase.Core.Records.Hooks;
using SharpBase.Core.Schema;

namespace SharpBase.Core.Auth;

/// <summary>
/// Logs an auth record out everywhere when a write changes its password or email, whichever path made the write (records
/// API, batch): inside the same transaction it rotates the record's <c>tokenKey</c> and revokes its sessions and refresh
/// tokens (SECURITY.md 7), so a rollback undoes both together.
/// </summary>
public sealed class CredentialsChangedHook(AuthService auth) : IRecordHook
{
    /// <inheritdoc />
    public async Task AfterWriteAsync(RecordChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Action != RecordAction.Update || change.Collection.Type != CollectionType.Auth || change.New is not { } saved)
        {
            return;
        }

        var emailChanged = !string.Equals(change.Old?.GetString("email"), saved.GetString("email"), StringComparison.Ordinal);
        if (change.ChangedFields.Contains("password") || emailChanged)
        {
            await auth.OnCredentialsChangedAsync(change.Session, saved, cancellationToken);
            change.StoredRowChanged = true;
        }
    }
}
