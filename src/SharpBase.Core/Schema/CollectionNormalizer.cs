using SharpBase.Core.Common;
using SharpBase.Core.Schema.Fields;

namespace SharpBase.Core.Schema;

/// <summary>
/// Fills in what a client may leave out before a collection is validated and saved: ids, system fields,
/// timestamps, token secrets and the canonical form of index strings.
/// </summary>
public sealed class CollectionNormalizer(IRandomSource random, TimeProvider time)
{
    private const int SecretLength = 50;

    /// <summary>
    /// Prepares a new collection. Like PocketBase's create endpoint it adds only the type's system fields: <c>created</c> and
    /// <c>updated</c> exist only when the client sends them (PocketBase's dashboard adds them on its side).
    /// </summary>
    public Collection ForCreate(Collection collection)
    {
        var now = Now();
        var id = collection.Id.Length > 0 ? collection.Id : Ids.CollectionId(collection.Type.ToWire(), collection.Name);
        return Finish(collection with { Id = id, Created = now, Updated = now }, previous: null);
    }

    /// <summary>Prepares a changed collection; identity, type and creation time stay those of <paramref name="previous"/>.</summary>
    public Collection ForUpdate(Collection collection, Collection previous) =>
        Finish(collection with { Id = previous.Id, Type = previous.Type, System = previous.System, Created = previous.Created, Updated = Now() }, previous);

    private Collection Finish(Collection collection, Collection? previous)
    {
        var fields = AssignFieldIds(WithSystemFields(collection), previous);
        var prepared = collection with { Fields = fields };
        if (prepared.Auth is { } auth)
        {
            prepared = prepared with { Auth = WithSecrets(auth, previous?.Auth) };
            var indexes = prepared.Indexes.ToList();
            foreach (var (column, required) in SystemFields.AuthIndexes(prepared.Id, prepared.Name))
            {
                if (!indexes.Any(i => IndexCovers(i, column)))
                {
                    indexes.Add(required);
                }
            }

            prepared = prepared with { Indexes = indexes };
        }

        return prepared with { Indexes = prepared.Indexes.Select(i => CanonicalIndex(i, prepared.Name)).ToArray() };
    }

    /// <summary>
    /// Places the system fields as PocketBase does, so error keys such as <c>fields.2.name</c> point at the same field in
    /// both: a client field with a system field's exact name and type stays where the client put it (with the system
    /// options enforced), a missing <c>id</c> goes first and other missing system fields go last. A client field with a
    /// system name but another type stays too, and the validator reports the duplicated name.
    /// </summary>
    private static Field[] WithSystemFields(Collection collection)
    {
        var result = collection.Fields.ToList();
        foreach (var system in SystemFields.For(collection.Type))
        {
            var index = result.FindIndex(f => f.Name == system.Name && f.Type == system.Type);
            if (index >= 0)
            {
                result[index] = SystemFields.Enforce(result[index], system);
            }
            else if (system.Name == "id")
            {
                result.Insert(0, system);
            }
            else
            {
                result.Add(system);
            }
        }

        return [.. result];
    }

    private static Field[] AssignFieldIds(Field[] fields, Collection? previous)
    {
        var used = new HashSet<string>(fields.Where(f => f.Id.Length > 0).Select(f => f.Id), StringComparer.Ordinal);
        var result = new Field[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            if (field.Id.Length == 0)
            {
                var match = previous?.FindField(field.Name);
                var id = match is not null && match.Type == field.Type && !used.Contains(match.Id) ? match.Id : Ids.FieldId(field.Type, field.Name);
                var unique = id;
                for (var n = 2; used.Contains(unique); n++)
                {
                    unique = id + n.ToString(global::System.Globalization.CultureInfo.InvariantCulture);
                }

                used.Add(unique);
                field = field with { Id = unique };
            }

            result[i] = field;
        }

        return result;
    }

    private AuthOptions WithSecrets(AuthOptions auth, AuthOptions? previous)
    {
        TokenOptions Keep(TokenOptions next, TokenOptions? old) =>
            next.Secret.Length > 0 ? next : next with { Secret = old is { Secret.Length: > 0 } ? old.Secret : random.NextString(SecretLength, Ids.AlphanumericAlphabet) };

        return auth with
        {
            AuthToken = Keep(auth.AuthToken, previous?.AuthToken),
            PasswordResetToken = Keep(auth.PasswordResetToken, previous?.PasswordResetToken),
            EmailChangeToken = Keep(auth.EmailChangeToken, previous?.EmailChangeToken),
            VerificationToken = Keep(auth.VerificationToken, previous?.VerificationToken),
            FileToken = Keep(auth.FileToken, previous?.FileToken),
        };
    }

    private static bool IndexCovers(string index, string column) =>
        IndexDefinition.TryParse(index, out _) is { Unique: true, Columns: [var only] } && only.Name == column;

    private static string CanonicalIndex(string index, string tableName) =>
        IndexDefinition.TryParse(index, out _) is { } spec ? IndexDefinition.Format(spec with { Table = tableName }) : index;

    private DateTimeOffset Now() => DateTimeText.NowToMilliseconds(time);
}
