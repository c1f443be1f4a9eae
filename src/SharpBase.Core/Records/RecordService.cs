using SharpBase.Core.Auth;
using SharpBase.Core.Common;
using SharpBase.Core.Errors;
using SharpBase.Core.Query;
using SharpBase.Core.Schema;
using SharpBase.Storage;

namespace SharpBase.Core.Records;

/// <summary>
/// The records API's use cases under PocketBase's rule semantics: a null rule is superusers-only (403), a failing list rule
/// filters rows, failing view/update/delete rules answer 404 and a failing create rule 400. Superusers bypass rules.
/// Every operation has a form that runs on a <see cref="DbSession"/> so batch requests share one transaction.
/// </summary>
public sealed partial class RecordService(
    Database database, SchemaRegistry registry, RecordStore store, RecordValueBinder binder, PasswordHasher hasher, IRandomSource random, TimeProvider time)
{
    /// <summary>PocketBase's answer when a rule is null and the caller is not a superuser.</summary>
    public const string SuperusersOnly = "Only superusers can perform this action.";

    /// <summary>The database the service runs on.</summary>
    public Database Database => database;

    /// <summary>The collection with this id or name, or 404 "Missing collection context.".</summary>
    public Collection Collection(string idOrName) =>
        registry.Current.Find(idOrName) ?? throw new NotFoundException("Missing collection context.");

    private static void RequireRule(string? rule, RequestInfo request)
    {
        if (rule is null && !request.IsSuperuser)
        {
            throw new ForbiddenException(SuperusersOnly);
        }
    }

    private static void RequireWritable(Collection collection)
    {
        if (collection.Type == CollectionType.View)
        {
            throw new BadRequestException("Unsupported collection type.");
        }
    }

    /// <summary>True when <paramref name="rule"/> must be checked for this caller (not null, not empty, not a superuser).</summary>
    private static bool MustCheck(string? rule, RequestInfo request) => !request.IsSuperuser && !string.IsNullOrEmpty(rule);

    private RecordQuery Query(Collection collection, RequestInfo request) =>
        new(collection, registry.Current, request, database.Dialect, time);
}
