using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SharpBase.Core.Errors;
using SharpBase.Core.Records.Hooks;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Records;

/// <summary>What a hook subscriber sees of writes through the API, batch and cascades, and that rollbacks publish nothing.</summary>
public abstract class RecordHookTests(DatabaseKind kind)
{
    private sealed class Recorder : IRecordHook
    {
        public ConcurrentQueue<string> Events { get; } = new();

        public Task BeforeWriteAsync(RecordChange change, CancellationToken cancellationToken)
        {
            if (change.Values?["title"] is "reject")
            {
                throw new BadRequestException("Rejected by a hook.");
            }

            Events.Enqueue($"before {Describe(change)}");
            return Task.CompletedTask;
        }

        public Task AfterWriteAsync(RecordChange change, CancellationToken cancellationToken)
        {
            Events.Enqueue($"after {Describe(change)}");
            return Task.CompletedTask;
        }

        public Task AfterCommitAsync(RecordChange change, CancellationToken cancellationToken)
        {
            Events.Enqueue($"commit {Describe(change)}");
            return Task.CompletedTask;
        }

        private static string Describe(RecordChange change) =>
            $"{change.Action} {change.Collection.Name}{(change.IsCascade ? " cascade" : "")} {change.New?.GetString("title") ?? change.Old?.GetString("title")}";
    }

    private async Task<(TestServer Server, Recorder Hook)> StartAsync()
    {
        var hook = new Recorder();
        var server = await TestServer.StartAsync(kind, services: services =>
        {
            services.AddSingleton<IRecordHook>(hook);
        });
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "parents", type = "base", createRule = "", deleteRule = "",
            fields = new object[] { new { name = "title", type = "text" } },
        }), HttpStatusCode.OK);
        await HttpAssert.StatusAsync(await server.Superuser.PostAsJsonAsync("/api/collections", new
        {
            name = "children", type = "base", createRule = "",
            fields = new object[]
            {
                new { name = "title", type = "text" },
                new { name = "parent", type = "relation", collectionId = server.Core.Schema.Current.Find("parents")!.Id, maxSelect = 1, cascadeDelete = true },
            },
        }), HttpStatusCode.OK);
        await HttpAssert.StatusAsync(await server.Superuser.PatchAsJsonAsync("/api/settings", new { batch = new { enabled = true } }), HttpStatusCode.OK);
        return (server, hook);
    }

    [Fact]
    public async Task Create_RunsBeforeAfterAndCommit_InOrder()
    {
        var (server, hook) = await StartAsync();
        await using var _ = server;
        await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/parents/records", new { title = "p1" }), HttpStatusCode.OK);
        Assert.Equal(["before Create parents ", "after Create parents p1", "commit Create parents p1"], hook.Events.ToArray());
    }

    [Fact]
    public async Task BeforeWrite_Rejects_WithItsError_AndNothingIsStoredOrPublished()
    {
        var (server, hook) = await StartAsync();
        await using var _ = server;
        var error = await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/collections/parents/records", new { title = "reject" }), 400);
        Assert.NotNull(error);
        var list = await HttpAssert.StatusAsync(await server.Superuser.GetAsync("/api/collections/parents/records"), HttpStatusCode.OK);
        Assert.Equal(0, list!["totalItems"]!.GetValue<long>());
        Assert.Empty(hook.Events);
    }

    [Fact]
    public async Task Batch_PublishesAfterCommitOnly_AndNothingWhenItRollsBack()
    {
        var (server, hook) = await StartAsync();
        await using var _ = server;
        await HttpAssert.ErrorAsync(await server.Guest.PostAsJsonAsync("/api/batch", new
        {
            requests = new object[]
            {
                new { method = "POST", url = "/api/collections/parents/records", body = new { title = "a" } },
                new { method = "POST", url = "/api/collections/parents/records", body = new { title = "reject" } },
            },
        }), 400);
        Assert.DoesNotContain(hook.Events, e => e.StartsWith("commit", StringComparison.Ordinal));
        hook.Events.Clear();

        await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/batch", new
        {
            requests = new object[]
            {
                new { method = "POST", url = "/api/collections/parents/records", body = new { title = "a" } },
                new { method = "POST", url = "/api/collections/parents/records", body = new { title = "b" } },
            },
        }), HttpStatusCode.OK);
        var events = hook.Events.ToArray();
        Assert.Equal(["commit Create parents a", "commit Create parents b"], events.Where(e => e.StartsWith("commit", StringComparison.Ordinal)).ToArray());
        Assert.True(Array.FindLastIndex(events, e => e.StartsWith("after", StringComparison.Ordinal)) < Array.FindIndex(events, e => e.StartsWith("commit", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task CascadeDelete_PublishesTheChildDelete()
    {
        var (server, hook) = await StartAsync();
        await using var _ = server;
        var parent = await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/parents/records", new { title = "p" }), HttpStatusCode.OK);
        var id = parent!["id"]!.GetValue<string>();
        await HttpAssert.StatusAsync(await server.Guest.PostAsJsonAsync("/api/collections/children/records", new { title = "c", parent = id }), HttpStatusCode.OK);
        hook.Events.Clear();
        Assert.Equal(HttpStatusCode.NoContent, (await server.Guest.DeleteAsync($"/api/collections/parents/records/{id}")).StatusCode);
        Assert.Equal(["commit Delete children cascade c", "commit Delete parents p"],
            hook.Events.Where(e => e.StartsWith("commit", StringComparison.Ordinal)).ToArray());
    }
}

public sealed class SqliteRecordHookTests() : RecordHookTests(DatabaseKind.Sqlite);

public sealed class PostgresRecordHookTests() : RecordHookTests(DatabaseKind.Postgres);
