using System.Data.Common;
using SharpBase.Storage.Dialects;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Query.Sql;

/// <summary>
/// A compiled filter or rule: a boolean SQL expression over the queried table's alias, plus everything it needs. The
/// joins, parameters and distinct flag are those of the whole shared <see cref="SqlQueryState"/> at the time of compiling,
/// so after compiling the rule, the filter and the sort of one query the last result (or the state) holds them all.
/// </summary>
/// <param name="WhereSql">The condition, with the list rules of joined collections already ANDed in.</param>
/// <param name="Parameters">Parameter name (<c>@f0</c>, …) → value.</param>
/// <param name="Joins">LEFT JOIN clauses to add after FROM, in order.</param>
/// <param name="NeedsDistinct">True when a join can repeat rows: use SELECT DISTINCT and COUNT(DISTINCT id).</param>
public sealed record SqlFilter(string WhereSql, IReadOnlyDictionary<string, SqlParameterValue> Parameters, IReadOnlyList<string> Joins, bool NeedsDistinct)
{
    /// <summary>Adds <see cref="Parameters"/> to <paramref name="command"/>.</summary>
    public void AddParametersTo(DbCommand command, SqlDialect dialect) => SqlParameterValue.AddAll(Parameters, command, dialect);
}

/// <summary>A parameter value and, when it must be typed for the database (jsonb, timestamptz, text[]), its column type.</summary>
/// <param name="Value">A string, double, long, bool, string[] or JSON text.</param>
/// <param name="Type">The column type to convert and type the value as, or null to bind the CLR value as is.</param>
public sealed record SqlParameterValue(object? Value, ColumnType? Type = null)
{
    /// <summary>Adds every parameter to <paramref name="command"/>.</summary>
    public static void AddAll(IReadOnlyDictionary<string, SqlParameterValue> parameters, DbCommand command, SqlDialect dialect)
    {
        foreach (var (name, parameter) in parameters)
        {
            if (parameter.Type is { } type)
            {
                dialect.AddValueParameter(command, name, type, parameter.Value);
                continue;
            }

            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = parameter.Value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
    }
}
