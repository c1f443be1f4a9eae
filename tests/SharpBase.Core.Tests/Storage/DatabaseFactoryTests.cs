using SharpBase.Storage;
using SharpBase.Storage.Postgres;
using SharpBase.Storage.Sqlite;
using Xunit;

namespace SharpBase.Core.Tests.Storage;

public sealed class DatabaseFactoryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenAsync_UnreachablePostgres_ThrowsOneLineWithoutPassword()
    {
        var exception = await Assert.ThrowsAsync<DatabaseUnavailableException>(() =>
            DatabaseFactory.OpenAsync("unused", "Host=127.0.0.1;Port=1;Username=u;Password=s3cret-pw;Database=shop", Ct));

        Assert.StartsWith("cannot connect to PostgreSQL at 127.0.0.1:1 (database 'shop'): ", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=notaport;Password=s3cret-pw")]
    [InlineData("Hots=127.0.0.1;Password=s3cret-pw")]
    [InlineData("Password=s3cret-pw;=;;x")]
    public async Task OpenAsync_InvalidConnectionString_ThrowsOneLine(string connectionString)
    {
        var exception = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => DatabaseFactory.OpenAsync("unused", connectionString, Ct));

        Assert.StartsWith("invalid PostgreSQL connection string: ", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Fact]
    public async Task OpenAsync_SqliteDirectoryIsAFile_ThrowsOneLine()
    {
        var file = Path.GetTempFileName();
        try
        {
            var exception = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => DatabaseFactory.OpenAsync(file, null, Ct));

            Assert.StartsWith("cannot open SQLite database at ", exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', exception.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task OpenAsync_SqliteFileIsNotADatabase_ThrowsOneLine()
    {
        var directory = Directory.CreateTempSubdirectory("sb_test_").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "data.db"), new string('x', 4096), Ct);

            var exception = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => DatabaseFactory.OpenAsync(directory, "", Ct));

            Assert.StartsWith("cannot open SQLite database at " + Path.Combine(directory, "data.db") + ": ", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task OpenAsync_NoConnectionString_OpensSqliteInDataDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "sb_test_" + Guid.NewGuid().ToString("N")[..12], "nested");
        try
        {
            await using var database = await DatabaseFactory.OpenAsync(directory, null, Ct);

            Assert.IsType<SqliteDatabase>(database);
            Assert.True(File.Exists(Path.Combine(directory, "data.db")));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(directory)!, recursive: true);
        }
    }

    [Fact]
    public async Task OpenAsync_ReachablePostgres_OpensPostgres()
    {
        await using var database = await DatabaseFactory.OpenAsync("unused", TestPostgres.AdminConnectionString, Ct);

        Assert.IsType<PostgresDatabase>(database);
    }
}
