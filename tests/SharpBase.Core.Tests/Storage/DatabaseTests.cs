using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using SharpBase.Storage;
using SharpBase.Storage.Catalog;
using SharpBase.Storage.Dialects;
using SharpBase.Storage.Schema;
using Xunit;

namespace SharpBase.Core.Tests.Storage;

public sealed class SqliteDatabaseTests(SqliteFixture fixture) : DatabaseTests(fixture), IClassFixture<SqliteFixture>;

public sealed class PostgresDatabaseTests(PostgresFixture fixture) : DatabaseTests(fixture), IClassFixture<PostgresFixture>;

/// <summary>What a user of the storage layer notices, on every database. Each test works in tables of its own.</summary>
public abstract partial class DatabaseTests(DatabaseFixture fixture)
{
    private Database Db => fixture.Database;

    private SqlDialect Dialect => Db.Dialect;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WriteAsync_WorkThrows_RollsBackAndRethrows()
    {
        var table = await CreateTableAsync(new ColumnSpec("title", ColumnType.Text));
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => Db.WriteAsync<bool>(async (session, ct) =>
        {
            await InsertAsync(session, table, "a", ("title", ColumnType.Text, "kept?"));
            throw new InvalidOperationException("boom");
        }, Ct));

        Assert.Equal("boom", exception.Message);
        Assert.Equal(0, await ReadAsync((s, ct) => TableIntrospection.CountRowsAsync(s, table, ct)));
    }

    [Fact]
    public async Task WriteAsync_Succeeds_CommitsAndReturnsResult()
    {
        var table = await CreateTableAsync(new ColumnSpec("title", ColumnType.Text));
        var result = await Db.WriteAsync(async (session, ct) =>
        {
            await InsertAsync(session, table, "a", ("title", ColumnType.Text, "one"));
            return 42;
        }, Ct);

        Assert.Equal(42, result);
        Assert.Equal("one", await ReadValueAsync(table, "a", "title", ColumnType.Text));
    }

    [Fact]
    public async Task WriteAsync_CancelledBeforeStart_RunsNothing()
    {
        var ran = false;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Db.WriteAsync((_, _) =>
        {
            ran = true;
            return Task.FromResult(true);
        }, new CancellationToken(canceled: true)));
        Assert.False(ran);
    }

    [Fact]
    public async Task WriteAsync_ManyConcurrentWritersAndReaders_AllCommitWithoutLockErrors()
    {
        var table = await CreateTableAsync(new ColumnSpec("n", ColumnType.Number));
        await WriteAsync((s, ct) => InsertAsync(s, table, "counter", ("n", ColumnType.Number, 0.0)));
        var quoted = Dialect.QuoteIdentifier(table);

        var writers = Enumerable.Range(0, 40).Select(_ => Task.Run(() => Db.WriteAsync(async (session, ct) =>
        {
            // Read-modify-write: only correct when writers are serialized (SQLite) or the row is locked (PostgreSQL).
            await using var select = session.Command($"SELECT \"n\" FROM {quoted} WHERE \"id\" = 'counter'" +
                (Dialect.Name == "postgres" ? " FOR UPDATE" : ""));
            var current = (double)Dialect.FromDbValue(ColumnType.Number, await select.ExecuteScalarAsync(ct))!;
            await Task.Yield();
            await using var update = session.Command($"UPDATE {quoted} SET \"n\" = @n WHERE \"id\" = 'counter'");
            Dialect.AddValueParameter(update, "@n", ColumnType.Number, current + 1);
            return await update.ExecuteNonQueryAsync(ct);
        }, Ct)));
        var readers = Enumerable.Range(0, 40).Select(_ => Task.Run(() => ReadValueAsync(table, "counter", "n", ColumnType.Number)));

        await Task.WhenAll(writers.Cast<Task>().Concat(readers));
        Assert.Equal(40.0, await ReadValueAsync(table, "counter", "n", ColumnType.Number));
    }

    [Fact]
    public async Task Classify_NotNullViolation_IsConstraintViolation()
    {
        var table = await CreateTableAsync(new ColumnSpec("title", ColumnType.Text));
        var exception = await Assert.ThrowsAnyAsync<DbException>(() =>
            ExecuteAsync($"INSERT INTO {Dialect.QuoteIdentifier(table)} (\"id\", \"title\") VALUES ('a', NULL)"));
        Assert.Equal(DbErrorKind.ConstraintViolation, Dialect.Classify(exception));
    }

    [Fact]
    public async Task Classify_QueryOnMissingTable_IsInvalidSql()
    {
        var exception = await Assert.ThrowsAnyAsync<DbException>(() => ReadAsync((s, ct) => TableIntrospection.CountRowsAsync(s, "no_such_table", ct)));
        Assert.Equal(DbErrorKind.InvalidSql, Dialect.Classify(exception));
    }

    [Fact]
    public async Task JsonPrimitives_ExtractAndArrayLength_ReadJsonValues()
    {
        var table = await CreateTableAsync(new ColumnSpec("data", ColumnType.Json));
        await WriteAsync(async (s, ct) =>
        {
            await InsertAsync(s, table, "obj", ("data", ColumnType.Json, """{"a":{"b":"x","list":[1,2,3]},"it's":"q"}"""));
            await InsertAsync(s, table, "arr", ("data", ColumnType.Json, """["p","q"]"""));
            await InsertAsync(s, table, "nul", ("data", ColumnType.Json, null));
        });

        var data = Dialect.QuoteIdentifier("data");
        var sql = $"SELECT {Dialect.JsonExtract(data, ["a", "b"])}, {Dialect.JsonExtract(data, ["it's"])}, {Dialect.JsonExtract(data, ["a", "list", "1"])}, " +
                  $"{Dialect.JsonArrayLength(data)} " +
                  $"FROM {Dialect.QuoteIdentifier(table)} WHERE \"id\" = @id";
        var obj = await QueryRowAsync(sql, "obj");
        Assert.Equal("x", obj[0]);
        Assert.Equal("q", obj[1]);
        Assert.Equal("2", Convert.ToString(obj[2], CultureInfo.InvariantCulture));
        Assert.Equal(0L, Convert.ToInt64(obj[3], CultureInfo.InvariantCulture));
        Assert.Equal(2L, Convert.ToInt64((await QueryRowAsync(sql, "arr"))[3], CultureInfo.InvariantCulture));
        Assert.Equal(0L, Convert.ToInt64((await QueryRowAsync(sql, "nul"))[3], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task WriteAsync_TwoWritersLockingRowsInOppositeOrder_BothCommit()
    {
        // On PostgreSQL the two transactions deadlock and one is aborted; the write is run again and both land. On SQLite the
        // writes are serialized and the barrier times out.
        var table = await CreateTableAsync(new ColumnSpec("n", ColumnType.Number));
        await WriteAsync(async (s, ct) =>
        {
            await InsertAsync(s, table, "a", ("n", ColumnType.Number, 0d));
            await InsertAsync(s, table, "b", ("n", ColumnType.Number, 0d));
        });
        using var bothLocked = new CountdownEvent(2);
        var attempts = 0;
        Task Writer(string first, string second) => Task.Run(() => WriteAsync(async (session, ct) =>
        {
            Interlocked.Increment(ref attempts);
            await IncrementAsync(session, table, first, ct);
            if (!bothLocked.IsSet)
            {
                bothLocked.Signal();
                await Task.Run(() => bothLocked.Wait(TimeSpan.FromSeconds(2), ct), ct);
            }

            await IncrementAsync(session, table, second, ct);
        }), Ct);

        await Task.WhenAll(Writer("a", "b"), Writer("b", "a"));

        Assert.Equal(2d, await ReadValueAsync(table, "a", "n", ColumnType.Number));
        Assert.Equal(2d, await ReadValueAsync(table, "b", "n", ColumnType.Number));
        Assert.True(Dialect.Name != "postgres" || attempts == 3, $"attempts: {attempts}");
    }

    private async Task IncrementAsync(DbSession session, string table, string id, CancellationToken cancellationToken)
    {
        await using var command = session.Command($"UPDATE {Dialect.QuoteIdentifier(table)} SET \"n\" = \"n\" + 1 WHERE \"id\" = @id");
        command.AddParameter("@id", id);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<string> CreateTableAsync(params ColumnSpec[] columns)
    {
        var table = "t_" + Guid.NewGuid().ToString("N")[..10];
        await ExecuteAsync(Dialect.CreateTable(new TableSpec(table, [new ColumnSpec("id", ColumnType.Text, PrimaryKey: true), .. columns])));
        return table;
    }

    private Task<T> ReadAsync<T>(Func<DbSession, CancellationToken, Task<T>> work) => Db.ReadAsync(work, Ct);

    private Task<bool> WriteAsync(Func<DbSession, CancellationToken, Task> work) =>
        Db.WriteAsync(async (s, ct) =>
        {
            await work(s, ct);
            return true;
        }, Ct);

    private Task<bool> ExecuteAsync(params string[] statements) =>
        WriteAsync(async (session, ct) =>
        {
            foreach (var sql in statements)
            {
                await using var command = session.Command(sql);
                await command.ExecuteNonQueryAsync(ct);
            }
        });

    private async Task InsertAsync(DbSession session, string table, string id, params (string Column, ColumnType Type, object? Value)[] values)
    {
        var columns = string.Join(", ", values.Select(v => Dialect.QuoteIdentifier(v.Column)));
        var parameters = string.Join(", ", values.Select((_, i) => "@p" + i));
        await using var command = session.Command(
            $"INSERT INTO {Dialect.QuoteIdentifier(table)} (\"id\"{(values.Length > 0 ? ", " + columns : "")}) VALUES (@id{(values.Length > 0 ? ", " + parameters : "")})");
        command.AddParameter("@id", id);
        for (var i = 0; i < values.Length; i++)
        {
            Dialect.AddValueParameter(command, "@p" + i, values[i].Type, values[i].Value);
        }

        await command.ExecuteNonQueryAsync(Ct);
    }

    private Task<object?> ReadValueAsync(string table, string id, string column, ColumnType type) =>
        ReadAsync(async (session, ct) =>
        {
            await using var command = session.Command(
                $"SELECT {Dialect.QuoteIdentifier(column)} FROM {Dialect.QuoteIdentifier(table)} WHERE \"id\" = @id");
            command.AddParameter("@id", id);
            await using var reader = await command.ExecuteReaderAsync(ct);
            Assert.True(await reader.ReadAsync(ct), $"row {id} not found");
            return Dialect.FromDbValue(type, reader.GetValue(0));
        });

    private Task<object?[]> QueryRowAsync(string sql, string id) =>
        ReadAsync(async (session, ct) =>
        {
            await using var command = session.Command(sql);
            command.AddParameter("@id", id);
            await using var reader = await command.ExecuteReaderAsync(ct);
            Assert.True(await reader.ReadAsync(ct), $"row {id} not found");
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = await reader.IsDBNullAsync(i, ct) ? null : reader.GetValue(i);
            }

            return values;
        });

    private static void AssertJsonEqual(string? expected, object? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        var text = Assert.IsType<string>(actual);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(text)), $"expected {expected}, got {text}");
    }
}
