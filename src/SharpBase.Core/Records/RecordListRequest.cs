namespace SharpBase.Core.Records;

/// <summary>The list parameters PocketBase accepts, already clamped.</summary>
public sealed record RecordListRequest(int Page, int PerPage, bool SkipTotal, string? Filter, string? Sort);

/// <summary>One page of records.</summary>
public sealed record RecordPage(int Page, int PerPage, long TotalItems, IReadOnlyList<RecordRow> Items);
