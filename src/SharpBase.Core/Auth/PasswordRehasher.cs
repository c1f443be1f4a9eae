using SharpBase.Core.Records;
using SharpBase.Storage;

namespace SharpBase.Core.Auth;

/// <summary>Upgrades an imported (bcrypt) or weaker hash to the current Argon2id parameters after a successful sign-in.</summary>
public sealed class PasswordRehasher(Database database, RecordStore records, PasswordHasher hasher)
{
    /// <summary>Stores a fresh hash of <paramref name="password"/>; the token key stays, so sessions survive.</summary>
    public Task RehashAsync(RecordRow record, string password, CancellationToken cancellationToken) =>
        database.WriteAsync((session, ct) =>
            records.UpdateAsync(session, record.Collection, record.Id,
                new Dictionary<string, object?> { ["password"] = hasher.Hash(password) }, ct), cancellationToken);
}
