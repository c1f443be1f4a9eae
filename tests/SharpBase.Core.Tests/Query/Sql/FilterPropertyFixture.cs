using SharpBase.Core.Common;
using SharpBase.Core.Query;
using SharpBase.Core.Query.InMemory;
using SharpBase.Core.Query.Sql;
using SharpBase.Core.Query.Syntax;
using SharpBase.Core.Records;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;
using SharpBase.Core.Tests.Auth;
using SharpBase.Core.Tests.Storage;
using SharpBase.Storage;
using Xunit;

namespace SharpBase.Core.Tests.Query.Sql;

/// <summary>
/// The collection <c>items</c> (text, number, bool, date, single and multiple select, json, a single and a multiple
/// relation to itself, so paths and back-relations too) on one SQLite and one PostgreSQL database;
/// <see cref="ReplaceAsync"/> swaps the records of a generated case in.
/// </summary>
public sealed class FilterPropertyFixture : IAsyncLifetime, IRecordLookup
{
    private IReadOnlyList<RecordRow> _rows = [];

    private readonly SqliteFixture _sqlite = new();
    private readonly PostgresFixture _postgres = new();

    public ManualTimeProvider Time { get; } = new(FilterSqlFixture.Now);

    public Collection Items { get; private set; } = null!;

    public SchemaSnapshot Schema { get; private set; } = SchemaSnapshot.Empty;

    public Database Sqlite => _sqlite.Database;

    public Database Postgres => _postgres.Database;

    public async ValueTask InitializeAsync()
    {
        await _sqlite.InitializeAsync();
        await _postgres.InitializeAsync();
        string[] choices = ["a", "b", "B", "10", "-3", "2.5", "x_y", "%", "Ü", "live", "1"];
        var definition = new Collection
        {
            Id = "pbc_items", Name = "items", ListRule = "",
            Fields =
            [
                new TextField { Name = "title" }, new NumberField { Name = "views" }, new BoolField { Name = "published" },
                new DateField { Name = "when" }, new SelectField { Name = "status", MaxSelect = 1, Values = choices },
                new SelectField { Name = "labels", MaxSelect = 5, Values = choices }, new JsonField { Name = "data" },
                new RelationField { Name = "rel", CollectionId = "pbc_items", MaxSelect = 1 },
                new RelationField { Name = "rels", CollectionId = "pbc_items", MaxSelect = 3 },
            ],
        };
        Items = new CollectionNormalizer(SecureRandomSource.Instance, Time).ForCreate(definition);
        Schema = new SchemaSnapshot([Items]);
        foreach (var database in new[] { Sqlite, Postgres })
        {
            await database.WriteAsync(async (session, ct) =>
            {
                await using var command = session.Command(database.Dialect.CreateTable(Items.ToTable()));
                await command.ExecuteNonQueryAsync(ct);
                return true;
            }, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _sqlite.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    /// <summary>Replaces the stored records on both databases; returns them as read back from SQLite.</summary>
    public async Task<IReadOnlyList<RecordRow>> ReplaceAsync(IReadOnlyList<GeneratedRecord> records, CancellationToken ct)
    {
        var store = new RecordStore(Sqlite);
        foreach (var database in new[] { Sqlite, Postgres })
        {
            await database.WriteAsync(async (session, token) =>
            {
                await using (var delete = session.Command($"DELETE FROM {database.Dialect.QuoteIdentifier("items")}"))
                {
                    await delete.ExecuteNonQueryAsync(token);
                }

                foreach (var record in records)
                {
                    await new RecordStore(database).InsertAsync(session, Items, record.ToValues(), token);
                }

                return true;
            }, ct).ConfigureAwait(false);
        }

        var rows = new List<RecordRow>();
        foreach (var record in records)
        {
            rows.Add((await store.FindByAsync(Items, "id", record.Id, ct).ConfigureAwait(false))!);
        }

        _rows = rows;
        return rows;
    }

    /// <summary>The request of a generated case: its body and query, and the first record as auth when signed in.</summary>
    public RequestInfo Request(GeneratedRequest request, IReadOnlyList<RecordRow> rows) => RequestInfo.Guest with
    {
        Method = "PATCH",
        Auth = request.SignedIn && rows.Count > 0 ? rows[0] : null,
        Body = System.Text.Json.Nodes.JsonNode.Parse(request.Body)!.AsObject(),
        Query = new Dictionary<string, string> { ["q"] = request.Query },
    };

    /// <summary>The ids the compiled filter selects on <paramref name="database"/>, sorted, or "error".</summary>
    public async Task<string> SelectAsync(Database database, string filter, CancellationToken ct, RequestInfo? request = null)
    {
        var dialect = database.Dialect;
        SqlFilter compiled;
        try
        {
            compiled = FilterCompiler.Compile(filter, new FilterContext(Items, "r", Schema, request ?? RequestInfo.Guest, dialect, Time, FilterMode.Rule));
        }
        catch (Errors.ApiException e)
        {
            return "error: " + e.Data["reason"];
        }

        var sql = $"SELECT DISTINCT \"r\".\"id\" FROM \"items\" \"r\" {string.Join(" ", compiled.Joins)} WHERE {compiled.WhereSql} ORDER BY 1";
        return await database.ReadAsync(async (session, token) =>
        {
            await using var command = session.Command(sql);
            compiled.AddParametersTo(command, dialect);
            var ids = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(token);
            while (await reader.ReadAsync(token))
            {
                ids.Add(reader.GetString(0));
            }

            return string.Join(",", ids.Order(StringComparer.Ordinal));
        }, ct).ConfigureAwait(false);
    }

    /// <summary>The ids the in-memory evaluator selects, sorted, or "error".</summary>
    public string Evaluate(IReadOnlyList<RecordRow> rows, string filter, RequestInfo? request = null)
    {
        try
        {
            var node = FilterParser.Parse(filter);
            var ids = rows.Where(r => FilterEvaluator.Evaluate(node, new RecordFilterScope(r, request ?? RequestInfo.Guest, Time, this) { AllowHiddenFields = true }))
                .Select(r => r.Id);
            return string.Join(",", ids.Order(StringComparer.Ordinal));
        }
        catch (FilterSyntaxException e)
        {
            return "error: " + e.Message;
        }
    }

    Collection? IRecordLookup.FindCollection(string idOrName) => Schema.Find(idOrName);

    RecordRow? IRecordLookup.Find(Collection collection, string id) => _rows.FirstOrDefault(r => r.Id == id);

    IReadOnlyList<RecordRow> IRecordLookup.FindReferencing(Collection collection, string relationField, string id) =>
        _rows.Where(r => r.Values.GetValueOrDefault(relationField) switch
        {
            string single when !single.StartsWith('[') => single == id,
            string list => System.Text.Json.JsonSerializer.Deserialize<string[]>(list)!.Contains(id),
            _ => false,
        }).ToArray();
}
