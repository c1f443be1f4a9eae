using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

// The physical floor for the benchmarks: the same view and list queries SharpBase answers, served straight from the
// same SQLite file with prepared statements and System.Text.Json, no framework on top. SharpBase ÷ floor is the ratio
// we track. Usage: SharpBase.Floor <path to data.db> <port>
var database = args.Length > 0 ? args[0] : throw new ArgumentException("usage: SharpBase.Floor <data.db> <port>");
var port = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8091;

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.ConfigureKestrel(k =>
{
    k.AddServerHeader = false;
    k.ListenLocalhost(port);
});
builder.Logging.ClearProviders();
var app = builder.Build();
var connectionString = new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Cache = SqliteCacheMode.Private }.ToString();
using var readers = new FloorReaders(connectionString);

app.MapGet("/hello", () => "Hello, World!");
app.MapGet("/api/collections/posts/records/{id}", async (string id, HttpContext context) =>
{
    var bytes = readers.View(id);
    if (bytes is null)
    {
        context.Response.StatusCode = 404;
        return;
    }

    context.Response.ContentType = "application/json";
    await context.Response.Body.WriteAsync(bytes);
});
app.MapGet("/api/collections/posts/records", async (HttpContext context) =>
{
    context.Response.ContentType = "application/json";
    await context.Response.Body.WriteAsync(readers.List());
});
app.Run();

/// <summary>One prepared connection per thread: the cheapest honest way to read SQLite from many requests.</summary>
internal sealed class FloorReaders(string connectionString) : IDisposable
{
    private const string Columns = "id, title, body, views, published, author, created, updated";
    private readonly ThreadLocal<Prepared> _prepared = new(() => new Prepared(connectionString));

    public void Dispose() => _prepared.Dispose();

    public byte[]? View(string id)
    {
        var prepared = _prepared.Value!;
        prepared.ViewId.Value = id;
        using var reader = prepared.View.ExecuteReader();
        return reader.Read() ? JsonSerializer.SerializeToUtf8Bytes(Row(reader)) : null;
    }

    public byte[] List()
    {
        var prepared = _prepared.Value!;
        using var reader = prepared.List.ExecuteReader();
        var items = new List<Dictionary<string, object?>>(20);
        while (reader.Read())
        {
            items.Add(Row(reader));
        }

        return JsonSerializer.SerializeToUtf8Bytes(new { page = 1, perPage = 20, totalItems = -1, totalPages = -1, items });
    }

    private static Dictionary<string, object?> Row(SqliteDataReader reader) => new()
    {
        ["collectionId"] = "posts",
        ["collectionName"] = "posts",
        ["id"] = reader.GetString(0),
        ["title"] = reader.GetString(1),
        ["body"] = reader.GetString(2),
        ["views"] = reader.GetDouble(3),
        ["published"] = reader.GetBoolean(4),
        ["author"] = reader.GetString(5),
        ["created"] = reader.GetString(6),
        ["updated"] = reader.GetString(7),
    };

    private sealed class Prepared
    {
        public Prepared(string connectionString)
        {
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            View = connection.CreateCommand();
            View.CommandText = $"SELECT {Columns} FROM posts WHERE id = $id";
            ViewId = View.Parameters.Add("$id", SqliteType.Text);
            View.Prepare();
            List = connection.CreateCommand();
            List.CommandText = $"SELECT {Columns} FROM posts WHERE views > 500 ORDER BY views DESC LIMIT 20";
            List.Prepare();
        }

        public SqliteCommand View { get; }

        public SqliteParameter ViewId { get; }

        public SqliteCommand List { get; }
    }
}
