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

    /// <summary>Prepares a new collection.</summary>
    public Collection ForCreate(Collection collection, bool addTimestamps)
    {
        var now = Now();
        var id = collection.Id.Length > 0 ? collection.Id : Ids.CollectionId(collection.Type.ToWire(), collection.Name);
        var fields = collection.Fields;
        if (addTimestamps && collection.Type != CollectionType.View && collection.FindField("created") is null && collection.FindField("updated") is null)
        {
            fields = [.. fields, .. SystemFields.Timestamps(system: false)];
        }

        var prepared = collection with { Id = id, Created = now, Updated = now, Fields = fields };
        return Finish(prepared, previous: null);
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

    private static Field[] WithSystemFields(Collection collection)
    {
        var result = new List<Field>();
        foreach (var system in SystemFields.For(collection.Type))
        {
            var existing = collection.FindField(system.Name);
            result.Add(existing is not null && existing.Type == system.Type ? EnforceSystemFlags(existing with { System = true, Id = system.Id }) : system);
        }

        var systemNames = result.Select(r => r.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        result.AddRange(collection.Fields.Where(f => !systemNames.Contains(f.Name)));
        return [.. result];
    }

    /// <summary>
    /// The flags PocketBase's initDefaultFields forces on the system fields whatever the client sent: the id stays the
    /// required, visible text primary key; password and tokenKey stay required and hidden; email stays visible (the
    /// emailVisibility flag governs it). Their other options (lengths, patterns, domains) may change, as in PocketBase.
    /// </summary>
    private static Field EnforceSystemFlags(Field field) => field switch
    {
        TextField { Name: "id" } id => id with
        {
            Required = true, PrimaryKey = true, Hidden = false, Pattern = id.Pattern.Length > 0 ? id.Pattern : SystemFields.Id().Pattern,
        },
        TextField { Name: "tokenKey" } tokenKey => tokenKey with { Required = true, Hidden = true },
        PasswordField password => password with { Required = true, Hidden = true },
        EmailField email => email with { Hidden = false },
        _ => field,
    };

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

    private DateTimeOffset Now()
    {
        var now = time.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }
}
