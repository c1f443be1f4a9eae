using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SharpBase.Http.Endpoints;
using SharpBase.Http.Hosting;
using SharpBase.Http.Tests.Infrastructure;
using Xunit;

namespace SharpBase.Http.Tests.Architecture;

/// <summary>
/// Every route carries a name, a summary, tags and who may call it (for the OpenAPI generator), and the declared access
/// is true: superuser routes refuse guests and users, signed-in-record routes refuse guests.
/// </summary>
public abstract class EndpointMetadataTests(DatabaseKind kind)
{
    [Fact]
    public async Task EveryRoute_HasNameSummaryTagsAndAccess()
    {
        await using var server = await TestServer.StartAsync(kind);
        var routes = Routes(server);
        Assert.NotEmpty(routes);
        Assert.All(routes, route =>
        {
            var pattern = route.RoutePattern.RawText;
            Assert.True(route.Metadata.GetMetadata<IEndpointNameMetadata>() is { EndpointName.Length: > 0 }, $"{pattern} has no name");
            Assert.True(route.Metadata.GetMetadata<IEndpointSummaryMetadata>() is { Summary.Length: > 0 }, $"{pattern} has no summary");
            Assert.True(route.Metadata.GetMetadata<ITagsMetadata>() is { Tags.Count: > 0 }, $"{pattern} has no tags");
            Assert.True(route.Metadata.GetMetadata<EndpointAccess>() is not null, $"{pattern} does not declare its access");
        });
        var names = routes.Select(r => r.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName).ToArray();
        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task DeclaredAccess_IsEnforced()
    {
        await using var server = await TestServer.StartAsync(kind);
        using var user = await server.CreateUserClientAsync("meta@example.com");
        var checkedRoutes = 0;
        foreach (var route in Routes(server))
        {
            var caller = route.Metadata.GetMetadata<EndpointAccess>()!.Caller;
            if (caller is not (EndpointCaller.Superuser or EndpointCaller.SignedInRecord))
            {
                continue;
            }

            var method = route.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods[0];
            var path = route.RoutePattern.RawText!
                .Replace("{collection}", "users", StringComparison.Ordinal)
                .Replace("{idOrName}", "users", StringComparison.Ordinal)
                .Replace("{id}", "abcdefghijklmno", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
            var guest = await server.Guest.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.True((int)guest.StatusCode is 401 or 403, $"guest {method} {path}: {(int)guest.StatusCode}");
            if (method != "HEAD")
            {
                await HttpAssert.ErrorAsync(guest, (int)guest.StatusCode);
            }

            if (caller == EndpointCaller.Superuser)
            {
                using var again = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
                var asUser = await user.SendAsync(again, TestContext.Current.CancellationToken);
                Assert.True((int)asUser.StatusCode is 401 or 403, $"user {method} {path}: {(int)asUser.StatusCode}");
            }

            checkedRoutes++;
        }

        Assert.True(checkedRoutes >= 10, $"only {checkedRoutes} routes checked");
    }

    private static List<RouteEndpoint> Routes(TestServer server) =>
        server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(SharpBaseHost.ApiRoot + "/", StringComparison.Ordinal) == true).ToList(); // not the 404 fallback
}

public sealed class SqliteEndpointMetadataTests() : EndpointMetadataTests(DatabaseKind.Sqlite);

public sealed class PostgresEndpointMetadataTests() : EndpointMetadataTests(DatabaseKind.Postgres);
