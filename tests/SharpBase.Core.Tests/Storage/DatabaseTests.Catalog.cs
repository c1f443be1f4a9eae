using System.Data.Common;
using SharpBase.Storage.Catalog;
using SharpBase.Storage.Dialects;
using SharpBase.Storage.Schema;
using Xunit;

namespace SharpBase.Core.Tests.Storage;

/// <summary>The system tables and the introspection helpers.</summary>
public abstract partial class DatabaseTests
{
    [Fact]
    public async Task SystemTables_EnsureCreatedTwice_IsHarmless()
    {
        await SystemTables.EnsureCreatedAsync(Db, Ct);
        await SystemTables.EnsureCreatedAsync(Db, Ct);

        foreach (var table in new[] { CollectionTable.TableName, ParamTable.TableName, MigrationTable.TableName })
        {
            Assert.True(await ReadAsync((s, ct) => TableIntrospection.TableExistsAsync(s, table, ct)), table);
        }
    }

    [Fact]
    public async Task CollectionTable_UpsertLoadDelete_RoundTrips()
    {
        var id = "pbc_" + Guid.NewGuid().ToString("N")[..10];
        var name = "posts_" + id;
        await WriteAsync((s, ct) => CollectionTable.UpsertAsync(s, new StoredCollection(id, name, """{"name":"first"}"""), ct));
        await WriteAsync((s, ct) => CollectionTable.UpsertAsync(s, new StoredCollection(id, name + "_2", """{"name":"second"}"""), ct));

        var stored = Assert.Single(await ReadAsync((s, ct) => CollectionTable.LoadAllAsync(s, ct)), s => s.Id == id);
        Assert.Equal(name + "_2", stored.Name);
        AssertJsonEqual("""{"name":"second"}""", stored.Json);

        var deleted = await Db.WriteAsync((s, ct) => CollectionTable.DeleteAsync(s, id, ct), Ct);
        Assert.True(deleted);
        Assert.DoesNotContain(await ReadAsync((s, ct) => CollectionTable.LoadAllAsync(s, ct)), s => s.Id == id);
    }

    [Fact]
    public async Task CollectionTable_NameTakenInOtherCase_IsUniqueViolation()
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        await WriteAsync((s, ct) => CollectionTable.UpsertAsync(s, new StoredCollection("a" + suffix, "Posts" + suffix, "{}"), ct));

        var exception = await Assert.ThrowsAnyAsync<DbException>(() =>
            WriteAsync((s, ct) => CollectionTable.UpsertAsync(s, new StoredCollection("b" + suffix, "posts" + suffix, "{}"), ct)));

        Assert.Equal(DbErrorKind.UniqueViolation, Dialect.Classify(exception));
    }

    [Fact]
    public async Task ParamTable_SetTwice_KeepsLastValue()
    {
        var key = "k_" + Guid.NewGuid().ToString("N")[..10];
        Assert.Null(await ReadAsync((s, ct) => ParamTable.GetAsync(s, key, ct)));

        await WriteAsync((s, ct) => ParamTable.SetAsync(s, key, """{"meta":{"appName":"one"}}""", ct));
        await WriteAsync((s, ct) => ParamTable.SetAsync(s, key, """{"meta":{"appName":"two"}}""", ct));

        AssertJsonEqual("""{"meta":{"appName":"two"}}""", await ReadAsync((s, ct) => ParamTable.GetAsync(s, key, ct)));
        Assert.True(await Db.WriteAsync((s, ct) => ParamTable.DeleteAsync(s, key, ct), Ct));
        Assert.Null(await ReadAsync((s, ct) => ParamTable.GetAsync(s, key, ct)));
    }

    [Fact]
    public async Task MigrationTable_MarkListUnmark_OrdersByFile()
    {
        var prefix = "m_" + Guid.NewGuid().ToString("N")[..10] + "_";
        var when = new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero);
        await WriteAsync(async (s, ct) =>
        {
            await MigrationTable.MarkAppliedAsync(s, prefix + "2_b.js", when.AddDays(1), ct);
            await MigrationTable.MarkAppliedAsync(s, prefix + "1_a.js", when, ct);
        });

        var applied = (await ReadAsync((s, ct) => MigrationTable.ListAppliedAsync(s, ct))).Where(m => m.File.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal([new AppliedMigration(prefix + "1_a.js", when), new AppliedMigration(prefix + "2_b.js", when.AddDays(1))], applied);

        Assert.True(await Db.WriteAsync((s, ct) => MigrationTable.UnmarkAsync(s, prefix + "1_a.js", ct), Ct));
        Assert.DoesNotContain(await ReadAsync((s, ct) => MigrationTable.ListAppliedAsync(s, ct)), m => m.File == prefix + "1_a.js");
    }

    [Fact]
    public async Task DescribeQuery_SelectOverTable_GivesColumnTypes()
    {
        var table = await CreateTableAsync(
            new ColumnSpec("title", ColumnType.Text), new ColumnSpec("n", ColumnType.Number), new ColumnSpec("ok", ColumnType.Bool),
            new ColumnSpec("data", ColumnType.Json), new ColumnSpec("due", ColumnType.DateTime));

        var columns = await Db.WriteAsync((s, ct) =>
            TableIntrospection.DescribeQueryAsync(s, $"SELECT id, title, n, ok, data, due, 'x' AS label FROM {Dialect.QuoteIdentifier(table)}", ct), Ct);

        Assert.Equal(["id", "title", "n", "ok", "data", "due", "label"], columns.Select(c => c.Name));
        Assert.Equal(
            [ColumnType.Text, ColumnType.Text, ColumnType.Number, ColumnType.Bool, ColumnType.Json,
                Dialect.Name == "postgres" ? ColumnType.DateTime : ColumnType.Text, ColumnType.Text],
            columns.Select(c => c.Type));
    }

    [Fact]
    public async Task DescribeQuery_InvalidQuery_IsInvalidSql()
    {
        var exception = await Assert.ThrowsAnyAsync<DbException>(() =>
            ReadAsync((s, ct) => TableIntrospection.DescribeQueryAsync(s, "SELECT nope FROM missing_table_xyz", ct)));

        Assert.Equal(DbErrorKind.InvalidSql, Dialect.Classify(exception));
    }

    [Fact]
    public async Task CountRows_TableWithRows_CountsThem()
    {
        var table = await CreateTableAsync();
        await WriteAsync(async (s, ct) =>
        {
            await InsertAsync(s, table, "a");
            await InsertAsync(s, table, "b");
        });

        Assert.Equal(2, await ReadAsync((s, ct) => TableIntrospection.CountRowsAsync(s, table, ct)));
        Assert.True(await ReadAsync((s, ct) => TableIntrospection.TableExistsAsync(s, table, ct)));
        Assert.False(await ReadAsync((s, ct) => TableIntrospection.TableExistsAsync(s, table + "_missing", ct)));
    }
}
