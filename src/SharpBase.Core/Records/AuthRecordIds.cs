using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SharpBase.Core.Errors;
using SharpBase.Core.Schema;
using SharpBase.Storage;

namespace SharpBase.Core.Records;

/// <summary>
/// Keeps an auth record's id unique across every auth collection, as PocketBase's save does (so a rule mistake that
/// compares <c>@request.auth.id</c> without the collection cannot match a record of another auth collection). Within one
/// collection the primary key already guarantees it.
/// </summary>
public sealed class AuthRecordIds(RecordStore store)
{
    /// <summary>The error PocketBase gives on <c>id</c>.</summary>
    public static ValidationError Taken() => new("validation_invalid_auth_id", "Invalid or duplicated auth record id.");

    /// <summary>
    /// True when <paramref name="id"/> is already a record of another auth collection. Call it inside the write that inserts
    /// the record: on PostgreSQL it first takes a transaction lock on the id, so two creates of one id in two auth
    /// collections run one after the other and the second sees the first's committed row; SQLite serializes writes anyway.
    /// </summary>
    public async Task<bool> IsTakenAsync(DbSession session, SchemaSnapshot schema, Collection collection, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(collection);
        if (collection.Type != CollectionType.Auth)
        {
            return false;
        }

        var others = schema.Collections.Where(c => c.Type == CollectionType.Auth && c.Id != collection.Id).ToList();
        if (others.Count == 0)
        {
            return false;
        }

        if (session.Dialect.AdvisoryTransactionLock(LockKey(id)) is { } lockStatement)
        {
            await using var command = session.Command(lockStatement);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var other in others)
        {
            if (await store.FindByAsync(session, other, "id", id, cancellationToken) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A 64-bit lock key for the id, from a hash (the id itself never reaches the SQL text).</summary>
    private static long LockKey(string id) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("sharpbase:auth-record-id:" + id)));
}
