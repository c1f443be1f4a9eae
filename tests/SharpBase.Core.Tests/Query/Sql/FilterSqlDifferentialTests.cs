using System.Text;
using SharpBase.Core.Query;
using SharpBase.Core.Query.Sql;
using Xunit;

namespace SharpBase.Core.Tests.Query.Sql;

/// <summary>
/// Random filters over the posts' direct fields (fixed records, relations and all): the SQL on SQLite and the SQL on
/// PostgreSQL must return the same rows. The evaluator is checked against both by the property test
/// (<see cref="FilterPropertyTests"/>), which also generates the records.
/// </summary>
public sealed class FilterSqlDifferentialTests(SqliteFilterSqlFixture sqlite, PostgresFilterSqlFixture postgres)
    : IClassFixture<SqliteFilterSqlFixture>, IClassFixture<PostgresFilterSqlFixture>
{
    private const int Cases = 400;

    private static readonly string[] Fields = ["title", "views", "published", "when", "status", "labels", "id"];

    private static readonly string[] Operators = ["=", "!=", ">", ">=", "<", "<=", "~", "!~", "?=", "?!=", "?>", "?<", "?~", "?!~"];

    private static readonly string[] Literals =
    [
        "\"\"", "null", "true", "false", "0", "10", "5.5", "-3", "\"10\"", "\"5.5\"", "\" 5 \"", "\"abc\"", "\"Hello World\"", "\"2024\"",
        "\"2024-01-15 08:30:00.000Z\"", "\"live\"", "\"a\"", "\"%\"", "\"o_f\"", "\"50%\"", "\"A\"", "\"p3\"", "\"Ü\"", "\"1\"",
    ];

    [Fact]
    public async Task RandomFilters_SameRowsOnSqliteAndPostgres()
    {
        var random = new Random(20240214);
        var mismatches = new List<string>();
        for (var i = 0; i < Cases; i++)
        {
            var filter = RandomFilter(random);
            var a = await RunAsync(sqlite, filter);
            var b = await RunAsync(postgres, filter);
            if (a != b)
            {
                mismatches.Add($"{filter}: sqlite [{a}] postgres [{b}]");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    private static string RandomFilter(Random random)
    {
        var builder = new StringBuilder(Comparison(random));
        for (var n = random.Next(3); n > 0; n--)
        {
            builder.Append(random.Next(2) == 0 ? " && " : " || ").Append(Comparison(random));
        }

        return builder.ToString();
    }

    private static string Comparison(Random random)
    {
        var left = Fields[random.Next(Fields.Length)];
        var op = Operators[random.Next(Operators.Length)];
        var right = random.Next(4) == 0 ? Fields[random.Next(Fields.Length)] : Literals[random.Next(Literals.Length)];
        return random.Next(6) == 0 ? $"{right} {op} {left}" : $"{left} {op} {right}";
    }

    private static async Task<string> RunAsync(FilterSqlFixture fixture, string filter)
    {
        var dialect = fixture.Database.Dialect;
        var context = new FilterContext(fixture.Collection("posts"), "r", fixture.Schema, RequestInfo.Guest, dialect, fixture.Time, FilterMode.Rule);
        var compiled = FilterCompiler.Compile(filter, context);
        var sql = $"SELECT DISTINCT \"r\".\"id\" FROM \"posts\" \"r\" {string.Join(" ", compiled.Joins)} WHERE {compiled.WhereSql} ORDER BY 1";
        return await fixture.Database.ReadAsync(async (session, ct) =>
        {
            await using var command = session.Command(sql);
            compiled.AddParametersTo(command, dialect);
            var ids = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ids.Add(reader.GetString(0));
            }

            return string.Join(",", ids);
        }, TestContext.Current.CancellationToken).ConfigureAwait(false);
    }
}
