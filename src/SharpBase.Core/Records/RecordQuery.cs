using System.Data.Common;
using SharpBase.Core.Query;
using SharpBase.Core.Query.Sql;
using SharpBase.Core.Query.Syntax;
using SharpBase.Core.Schema;
using SharpBase.Storage.Dialects;

namespace SharpBase.Core.Records;

/// <summary>
/// One record query being assembled: the table under the alias <c>r</c>, the joins and parameters that compiled rules and
/// filters add (they share one <see cref="SqlQueryState"/>, so names never clash), extra conditions, and the sort.
/// </summary>
internal sealed class RecordQuery
{
    /// <summary>The alias of the queried table.</summary>
    public const string Alias = "r";

    private readonly FilterContext _context;
    private readonly List<string> _conditions = [];

    public RecordQuery(Collection collection, SchemaSnapshot schema, RequestInfo request, SqlDialect dialect, TimeProvider time) =>
        _context = new FilterContext(collection, Alias, schema, request, dialect, time, FilterMode.Rule) { State = new SqlQueryState() };

    public string OrderBy { get; private set; } = "";

    public bool Distinct => _context.State.NeedsDistinct;

    /// <summary>The FROM clause: the table and every join the compiled expressions need.</summary>
    public string From =>
        _context.Dialect.QuoteIdentifier(_context.Collection.Name) + " " + Alias + (_context.State.Joins.Count > 0 ? " " + string.Join(" ", _context.State.Joins) : "");

    /// <summary>The WHERE condition: every added condition ANDed, or a tautology.</summary>
    public string Where
    {
        get
        {
            var all = _conditions.Concat(_context.State.PendingConditions).ToList();
            return all.Count == 0 ? "1=1" : string.Join(" AND ", all.Select(c => "(" + c + ")"));
        }
    }

    /// <summary>
    /// <c>SELECT every field FROM … WHERE …</c>. Joins can repeat a row: <paramref name="sortable"/> groups by the primary
    /// key (which keeps a sort on a joined column valid on PostgreSQL), otherwise the rows are made DISTINCT.
    /// </summary>
    public string SelectSql(bool sortable = false)
    {
        var columns = RecordReader.SelectList(_context.Collection, _context.Dialect, Alias);
        var select = $"SELECT {(Distinct && !sortable ? "DISTINCT " : "")}{columns} FROM {From} WHERE {Where}";
        return Distinct && sortable ? $"{select} GROUP BY {Alias}.{_context.Dialect.QuoteIdentifier("id")}" : select;
    }

    /// <summary>Adds an API rule (may use @request.* and @collection.*).</summary>
    public void AddRule(string rule) =>
        _conditions.Add(FilterCompiler.Compile(FilterParser.ParseCached(rule), _context with { Mode = FilterMode.Rule }).WhereSql);

    /// <summary>Adds the client's <c>filter</c>, with the non-superuser restrictions unless the caller is a superuser.</summary>
    public void AddClientFilter(string filter) =>
        _conditions.Add(FilterCompiler.Compile(filter, _context with { Mode = ClientMode }).WhereSql);

    /// <summary>Adds a condition written by the service itself (fixed SQL with its own parameters).</summary>
    public void AddCondition(string sql) => _conditions.Add(sql);

    /// <summary>Sets the client's <c>sort</c>.</summary>
    public void SetSort(string sort) => OrderBy = SortCompiler.Compile(sort, _context with { Mode = ClientMode });

    /// <summary>Adds every parameter the compiled expressions use.</summary>
    public void Bind(DbCommand command) => SqlParameterValue.AddAll(_context.State.Parameters, command, _context.Dialect);

    private FilterMode ClientMode => _context.Request.IsSuperuser ? FilterMode.Superuser : FilterMode.ClientFilter;
}
