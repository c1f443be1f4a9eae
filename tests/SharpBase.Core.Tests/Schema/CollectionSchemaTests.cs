using System.Text.Json.Nodes;
using SharpBase.Core.Common;
using SharpBase.Core.Errors;
using SharpBase.Core.Migrations;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;
using SharpBase.Storage.Dialects;
using Xunit;

namespace SharpBase.Core.Tests.Schema;

public sealed class CollectionSchemaTests
{
    private static readonly CollectionNormalizer Normalizer = new(SecureRandomSource.Instance, TimeProvider.System);

    private static Collection Parse(string json)
    {
        var errors = new ValidationErrors();
        var collection = CollectionJson.FromJson(JsonNode.Parse(json)!.AsObject(), errors, trusted: false);
        Assert.True(errors.IsEmpty);
        return collection;
    }

    [Fact]
    public void Normalize_NewAuthCollection_AddsSystemFieldsIndexesAndSecrets()
    {
        var collection = Normalizer.ForCreate(Parse("""{"name":"members","type":"auth"}"""));
        Assert.Equal(["id", "password", "tokenKey", "email", "emailVisibility", "verified"], collection.Fields.Select(f => f.Name).ToArray());
        Assert.All(collection.Auth!.Tokens, t => Assert.Equal(50, t.Token.Secret.Length));
        Assert.Equal(2, collection.Indexes.Count);
        Assert.Empty(CollectionValidator.Validate(collection, null, SchemaSnapshot.Empty.With(collection)).ToData());
    }

    [Fact]
    public void Json_RoundTrip_KeepsEveryOption_AndHidesSecretsOnTheWire()
    {
        var collection = Normalizer.ForCreate(Parse("""
            {"name":"posts","listRule":"","fields":[{"name":"tags","type":"select","values":["a","b"],"maxSelect":2,"required":true},
             {"name":"n","type":"number","min":1,"max":null,"onlyInt":true}]}
            """));
        var stored = CollectionJson.ToJson(collection, includeSecrets: true);
        var again = CollectionJson.FromJson(stored, new ValidationErrors(), trusted: true);
        Assert.Equal(stored.ToJsonString(), CollectionJson.ToJson(again, includeSecrets: true).ToJsonString());
        Assert.Equal("", again.ListRule);
        Assert.Null(again.ViewRule);
        var tags = Assert.IsType<SelectField>(again.FindField("tags"));
        Assert.True(tags.IsMultiple);
        Assert.Equal(["a", "b"], tags.Values);

        var users = Normalizer.ForCreate(SystemCollections.Users());
        var wire = CollectionJson.ToJson(users, includeSecrets: false).ToJsonString();
        Assert.DoesNotContain(users.Auth!.AuthToken.Secret, wire, StringComparison.Ordinal);
        Assert.Contains(users.Auth!.AuthToken.Secret, CollectionJson.ToJson(users, includeSecrets: true).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Merge_DeepMergesObjects_AndReplacesArrays()
    {
        var target = JsonNode.Parse("""{"a":{"x":1,"y":2},"list":[1,2,3],"keep":true}""")!.AsObject();
        CollectionJson.Merge(target, JsonNode.Parse("""{"a":{"y":5},"list":[9]}""")!.AsObject());
        Assert.Equal("""{"a":{"x":1,"y":5},"list":[9],"keep":true}""", target.ToJsonString());
    }

    [Fact]
    public void Validate_SystemFieldRemovalAndRename_AreRefused()
    {
        var before = Normalizer.ForCreate(Parse("""{"name":"members","type":"auth"}"""));
        var renamed = before with { Fields = before.Fields.Select(f => f.Name == "email" ? f with { Name = "mail" } : f).ToArray() };
        var errors = CollectionValidator.Validate(renamed, before, SchemaSnapshot.Empty.With(renamed));
        Assert.False(errors.IsEmpty);
    }

    [Fact]
    public void Plan_RenameAndDrop_KeepsColumnsByFieldId_AndMarksLoss()
    {
        var before = Normalizer.ForCreate(Parse("""{"name":"posts","fields":[{"name":"a","type":"text"},{"name":"b","type":"text"}]}"""));
        var after = before with
        {
            Name = "articles",
            Fields = before.Fields.Where(f => f.Name != "b").Select(f => f.Name == "a" ? f with { Name = "title" } : f).ToArray(),
        };
        var plan = SchemaPlanner.Plan(before, after, SqliteDialect.Instance);
        Assert.Contains(plan.Statements, s => s.Contains("RENAME TO \"articles\"", StringComparison.Ordinal));
        Assert.Contains(plan.Statements, s => s.Contains("DROP COLUMN \"b\"", StringComparison.Ordinal));
        Assert.Contains(plan.Statements, s => s.EndsWith("TO \"title\"", StringComparison.Ordinal));
        Assert.DoesNotContain(plan.Statements, s => s.Contains("ADD COLUMN \"title\"", StringComparison.Ordinal));
        Assert.Equal([new DataLoss("articles", "b", "drop field \"b\" of \"articles\"")], plan.Losses);
    }

    [Fact]
    public void Plan_SwappedNames_GoThroughTemporaryColumns()
    {
        var before = Normalizer.ForCreate(Parse("""{"name":"t","fields":[{"name":"a","type":"text"},{"name":"b","type":"text"}]}"""));
        var after = before with { Fields = before.Fields.Select(f => f.Name switch { "a" => f with { Name = "b" }, "b" => f with { Name = "a" }, _ => f }).ToArray() };
        var renames = SchemaPlanner.Plan(before, after, SqliteDialect.Instance).Statements.Where(s => s.Contains("RENAME COLUMN", StringComparison.Ordinal)).ToArray();
        Assert.Equal(4, renames.Length);
        Assert.All(renames.Take(2), s => Assert.Contains("_sb_tmp_", s, StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_MultipleToSingle_IsALoss()
    {
        var before = Normalizer.ForCreate(Parse("""{"name":"t","fields":[{"name":"tags","type":"select","values":["a","b"],"maxSelect":2}]}"""));
        var after = before with { Fields = before.Fields.Select(f => f is SelectField s ? s with { MaxSelect = 1 } : f).ToArray() };
        var plan = SchemaPlanner.Plan(before, after, PostgresDialect.Instance);
        Assert.Single(plan.Losses);
        Assert.Contains(plan.Statements, s => s.StartsWith("UPDATE", StringComparison.Ordinal));
    }
}
