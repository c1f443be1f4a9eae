using SharpBase.Core.Query;

namespace SharpBase.Core.Records;

/// <summary>A record ready for the response: its expand loaded and the audience that decides hidden fields and emails.</summary>
/// <param name="Record">The record, with <see cref="RecordRow.Expand"/> filled as requested.</param>
/// <param name="Audience">Who reads it (superuser, own record, managed records).</param>
public sealed record RecordResult(RecordRow Record, RecordAudience Audience);

/// <summary>A page of records ready for the response.</summary>
/// <param name="Page">The page, its items expanded.</param>
/// <param name="Audience">Who reads them.</param>
public sealed record RecordListResult(RecordPage Page, RecordAudience Audience);

/// <summary>The list parameters of a records list use case: paging, filter, sort and expand.</summary>
/// <param name="Request">Paging, filter and sort, already clamped.</param>
/// <param name="Expand">The <c>expand</c> paths, or null.</param>
public sealed record RecordListQuery(RecordListRequest Request, string? Expand);

/// <summary>How a request reads records, from its <c>@request.auth</c>.</summary>
public static class RecordAudiences
{
    /// <summary>The audience of <paramref name="info"/>'s caller, with the records it manages.</summary>
    public static RecordAudience For(RequestInfo info, IReadOnlySet<string>? managedIds = null)
    {
        ArgumentNullException.ThrowIfNull(info);
        return new RecordAudience(info.IsSuperuser, AuthId: info.Auth?.Id, AuthCollectionId: info.Auth?.Collection.Id, ManagedIds: managedIds);
    }
}
