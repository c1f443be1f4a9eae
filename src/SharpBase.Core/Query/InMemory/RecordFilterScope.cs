using SharpBase.Core.Query.Semantics;
using SharpBase.Core.Query.Syntax;
using SharpBase.Core.Records;

namespace SharpBase.Core.Query.InMemory;

/// <summary>
/// Resolves filter identifiers against one record, the request (<c>@request.*</c>), the datetime macros and, through
/// an optional <see cref="IRecordLookup"/>, related records. Mirrors PocketBase's record field resolver:
/// <list type="bullet">
/// <item>a plain multiple select/relation/file field is its stored JSON array text; <c>:each</c> gives the items;</item>
/// <item>a path through a multiple relation or a back-relation is multi-valued (every item must match);</item>
/// <item>json and geoPoint fields are read like <c>json_extract</c> and skip NULL/'' folding;</item>
/// <item>a missing <c>@request.*</c> key is NULL; an unknown record field is a <see cref="FilterFieldException"/>.</item>
/// </list>
/// <c>@collection.*</c> is not supported in memory (it needs a table scan) and is rejected.
/// </summary>
public sealed partial class RecordFilterScope(RecordRow record, RequestInfo request, TimeProvider timeProvider, IRecordLookup? lookup = null)
    : IFilterScope
{
    private readonly RecordRow _record = record ?? throw new ArgumentNullException(nameof(record));
    private readonly RequestInfo _request = request ?? throw new ArgumentNullException(nameof(request));
    private readonly TimeProvider _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    private readonly IRecordLookup? _lookup = lookup;

    /// <summary>
    /// True for API rules, which may read hidden fields; false (the default) for client filters, where a hidden field
    /// is rejected and an auth record's email only matches when its owner made it visible.
    /// </summary>
    public bool AllowHiddenFields { get; init; }

    /// <inheritdoc />
    public FilterValue Resolve(IdentifierOperand identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var text = identifier.Path;
        if (text.StartsWith('@') && !text.Contains('.', StringComparison.Ordinal))
        {
            return DateTimeMacros.TryGetValue(text, _time.GetUtcNow(), out var macro)
                ? FilterValue.Of(macro) with { IsLiteral = true }
                : throw new FilterFieldException($"unknown identifier {FilterSyntaxException.Snippet(text)}", identifier.Position);
        }

        var path = FilterPath.Parse(text, identifier.Position);
        return path.Segments[0] switch
        {
            "@request" => ResolveRequest(path, identifier.Position),
            "@collection" => throw new FilterFieldException("@collection is not supported by the in-memory evaluator", identifier.Position),
            _ when text.StartsWith('@') || text.StartsWith('#') => throw new FilterFieldException($"unknown identifier {FilterSyntaxException.Snippet(text)}", identifier.Position),
            _ => ResolvePath(new PathState([_record], _record.Collection, false, AllowHiddenFields), path.Segments, 0, path.Modifier, false, identifier.Position),
        };
    }

    /// <inheritdoc />
    public FilterValue Call(FunctionOperand function, IReadOnlyList<FilterValue> arguments) =>
        FilterFunctions.Invoke(function, arguments, _time.GetUtcNow());
}
