using SharpBase.Core.Query.Syntax;
using SharpBase.Storage.Dialects;

namespace SharpBase.Core.Query.Sql;

/// <summary>
/// Compiles a <c>sort</c> parameter (<c>-created,title,+author.name,@random,-@rowid</c>) into an ORDER BY list
/// (without the keywords), resolving each term like a filter identifier (PocketBase's <c>tools/search/sort.go</c>).
/// Joins it needs go into <see cref="FilterContext.State"/>, and list-rule conditions of collections a client sort
/// reaches into <see cref="SqlQueryState.PendingConditions"/>: AND those into the WHERE clause.
/// </summary>
/// <remarks>
/// PostgreSQL cannot ORDER BY a joined column under SELECT DISTINCT, so there a term that goes through a join is wrapped
/// in MIN (ascending) or MAX (descending): group by the queried table's id instead of using DISTINCT. NULL sorts first
/// ascending, as in SQLite, and text by code point.
/// </remarks>
public static partial class SortCompiler
{
    /// <summary>The special term sorting randomly.</summary>
    public const string RandomKey = "@random";

    /// <summary>The special term sorting by insertion order.</summary>
    public const string RowIdKey = "@rowid";

    /// <summary>The ORDER BY list, or "" for an empty sort.</summary>
    public static string Compile(string sort, FilterContext context)
    {
        ArgumentNullException.ThrowIfNull(sort);
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(sort))
        {
            return "";
        }

        if (context.Mode == FilterMode.ClientFilter)
        {
            ClientRestrictions.CheckText(sort);
        }

        var items = sort.Split(',').Select(s => s.Trim()).ToArray();
        if (items.Length > FilterLimits.MaxSortTerms)
        {
            throw FilterErrors.Invalid("max sort expressions limit reached");
        }

        var resolver = new FieldResolver(context, context.Collection, context.TableAlias, context.AllowHidden, keySuffix: "");
        var terms = new List<string>(items.Length);
        foreach (var item in items)
        {
            var descending = item.StartsWith('-');
            var name = descending ? item[1..] : item.StartsWith('+') ? item[1..] : item;
            if (name.Length > FilterLimits.MaxSortFieldLength)
            {
                throw FilterErrors.Invalid("max sort field length limit reached");
            }

            terms.Add(Term(name, descending, resolver));
        }

        return string.Join(", ", terms);
    }

    private static string Term(string name, bool descending, FieldResolver resolver)
    {
        var dialect = resolver.Dialect;
        var direction = descending ? " DESC" : " ASC";
        if (name == RandomKey)
        {
            return dialect.RandomFunction;
        }

        var alias = dialect.QuoteIdentifier(resolver.Context.TableAlias);
        if (name == RowIdKey)
        {
            var rowId = dialect.RowIdColumn(alias)
                ?? alias + "." + dialect.QuoteIdentifier(resolver.Context.RowIdColumn ?? "id");
            return rowId + direction;
        }

        var runner = new Runner(resolver, name);
        Term term;
        try
        {
            term = runner.Run();
        }
        catch (Errors.ApiException)
        {
            throw FilterErrors.Invalid($"invalid sort field \"{name}\"");
        }

        if (term.Params.Count > 0 || term.Sql.Length == 0 || term.Type == TermType.Null)
        {
            throw FilterErrors.Invalid($"invalid sort field \"{name}\"");
        }

        foreach (var p in term.Params)
        {
            resolver.State.SetParameter(p.Name, new SqlParameterValue(p.Value, p.Type));
        }

        return dialect.IsStrictlyTyped ? PostgresKeys(term, descending, runner.Joined) : term.Sql + direction;
    }

    private static string PostgresKeys(Term term, bool descending, bool joined)
    {
        // A number column of the queried table is NOT NULL, so SQLite's NULL placement changes nothing there; leaving the
        // NULLS clause out lets PostgreSQL walk an index on the column for ORDER BY … LIMIT instead of sorting every match.
        if (!joined && term.Type == TermType.Number && PlainColumn().IsMatch(term.Sql))
        {
            return term.Sql + (descending ? " DESC" : " ASC");
        }

        var direction = descending ? " DESC NULLS LAST" : " ASC NULLS FIRST";
        var aggregate = descending ? "MAX" : "MIN";
        string Key(string sql) => (joined ? $"{aggregate}({sql})" : sql) + direction;
        return term.Type switch
        {
            TermType.Json => string.Join(", ",
                Key(PostgresDialect.JsonClass(term.Sql)), Key(PostgresDialect.JsonNumber(term.Sql)), Key($"({PostgresDialect.JsonText(term.Sql)}) COLLATE \"C\"")),
            TermType.Text => Key($"({term.Sql}) COLLATE \"C\""),
            _ => Key(term.Sql),
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex("^\"[^\"]+\"\\.\"[^\"]+\"$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex PlainColumn();
}
