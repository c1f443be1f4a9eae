using SharpBase.Core.Query.Semantics;
using System.Text.RegularExpressions;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;
using SharpBase.Storage.Dialects;

namespace SharpBase.Core.Query.Sql;

/// <summary>
/// Resolves one identifier to a <see cref="Term"/>, registering the joins it needs: PocketBase's RecordFieldResolver and
/// its runner (<c>core/record_field_resolver*.go</c>). One instance serves one compile; the list-rule resolvers of joined
/// collections are clones with their own base.
/// </summary>
internal sealed partial class FieldResolver
{

    private static readonly Regex[] AllowedFields =
    [
        PlainField(), RequestContext(), RequestMethod(), RequestAuth(), RequestBody(), RequestQuery(), RequestHeaders(), CollectionField(),
    ];

    private readonly FilterContext _context;

    public FieldResolver(FilterContext context, Collection baseCollection, string baseAlias, bool allowHidden, string keySuffix)
    {
        _context = context;
        BaseCollection = baseCollection;
        BaseAlias = baseAlias;
        AllowHidden = allowHidden;
        KeySuffix = keySuffix;
    }

    public Collection BaseCollection { get; }

    public string BaseAlias { get; }

    public bool AllowHidden { get; }

    /// <summary>Makes the join keys of a list-rule clone distinct from the main query's (PocketBase's joinAliasSuffix).</summary>
    public string KeySuffix { get; }

    public FilterContext Context => _context;

    public SqlDialect Dialect => _context.Dialect;

    public SqlQueryState State => _context.State;

    /// <summary>Resolves an identifier operand: a macro, a field path, or the null/true/false keywords.</summary>
    public Term ResolveIdentifier(string path)
    {
        if (Macros.TryResolve(path, _context.Time, out var macro))
        {
            return Param(macro);
        }

        try
        {
            return new Runner(this, path).Run();
        }
        catch (Errors.ApiException) when (Keyword(path) is { } keyword)
        {
            return keyword;
        }
    }

    /// <summary>A term for a parameter holding <paramref name="value"/> (bools become 1/0 as SQLite binds them).</summary>
    public Term Param(object? value)
    {
        if (value is null)
        {
            return Term.Null;
        }

        value = value is bool b ? (b ? 1L : 0L) : value;
        var name = State.NewParameterName();
        return new Term
        {
            Sql = name,
            Type = value is string ? TermType.Text : TermType.Number,
            Params = [new TermParam(name, value)],
            IsParam = true,
        };
    }

    /// <summary>The TRUE/FALSE keyword as SQLite's 1/0.</summary>
    public static Term BoolKeyword(bool value) => new() { Sql = value ? "1" : "0", Type = TermType.Number, IsBoolKeyword = true };

    /// <summary>The collection with this name or id; the base collection first.</summary>
    public Collection? FindCollection(string nameOrId) =>
        nameOrId == BaseCollection.Name || nameOrId == BaseCollection.Id ? BaseCollection : _context.Schema.Find(nameOrId);

    /// <summary>True when the identifier passes PocketBase's allow-list of shapes.</summary>
    public static bool IsAllowed(string path) => AllowedFields.Any(r => r.IsMatch(path));

    /// <summary>PocketBase's splitModifier: <c>name:modifier</c> with a known modifier, or the name alone.</summary>
    public static (string Name, string Modifier) SplitModifier(string combined) =>
        FieldNames.TrySplitModifier(combined, out var name, out var modifier)
            ? (name, modifier ?? "")
            : throw FilterErrors.Invalid($"unknown modifier in \"{combined}\"");

    private static Term? Keyword(string path) => path.ToUpperInvariant() switch
    {
        "NULL" => Term.Null,
        "TRUE" => BoolKeyword(true),
        "FALSE" => BoolKeyword(false),
        _ => null,
    };

    [GeneratedRegex(@"^[A-Za-z0-9_]+[A-Za-z0-9_.:]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainField();

    [GeneratedRegex(@"^@request\.context$", RegexOptions.CultureInvariant)]
    private static partial Regex RequestContext();

    [GeneratedRegex(@"^@request\.method$", RegexOptions.CultureInvariant)]
    private static partial Regex RequestMethod();

    [GeneratedRegex(@"^@request\.auth\.[A-Za-z0-9_.:]*[A-Za-z0-9_]$", RegexOptions.CultureInvariant)]
    private static partial Regex RequestAuth();

    [GeneratedRegex(@"^@request\.body\.[A-Za-z0-9_.:]*[A-Za-z0-9_]$", RegexOptions.CultureInvariant)]
    private static partial Regex RequestBody();

    [GeneratedRegex(@"^@request\.query\.[A-Za-z0-9_.:]*[A-Za-z0-9_]$", RegexOptions.CultureInvariant)]
    private static partial Regex RequestQuery();

    [GeneratedRegex(@"^@request\.headers\.[A-Za-z0-9_.:]*[A-Za-z0-9_]$", RegexOptions.CultureInvariant)]
    private static partial Regex RequestHeaders();

    [GeneratedRegex(@"^@collection\.[A-Za-z0-9_]+(:[A-Za-z0-9_]+)?\.[A-Za-z0-9_.:]*[A-Za-z0-9_]$", RegexOptions.CultureInvariant)]
    private static partial Regex CollectionField();
}
