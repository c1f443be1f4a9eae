using SharpBase.Core.Query.Semantics;
using SharpBase.Core.Common;
using System.Text.Json.Nodes;
using SharpBase.Core.Query.Syntax;
using SharpBase.Core.Schema.Fields;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Query.Sql;

/// <summary>@request.*: static values as parameters, the auth record join, and the body modifiers.</summary>
internal sealed partial class Runner
{
    private static readonly HashSet<string> PlainAuthFields = new(StringComparer.Ordinal)
    {
        "@request.auth.id", "@request.auth.collectionId", "@request.auth.collectionName", "@request.auth.email",
        "@request.auth.emailVisibility", "@request.auth.verified",
    };

    private RequestInfo Request => _resolver.Context.Request;

    private Term ProcessRequestField()
    {
        if (_fieldName.StartsWith("@request.auth.", StringComparison.Ordinal))
        {
            return ProcessRequestAuthField();
        }

        if (_fieldName.StartsWith("@request.body.", StringComparison.Ordinal) && _props.Length > 2)
        {
            var (name, modifier) = FieldResolver.SplitModifier(_props[2]);
            var bodyField = FieldNames.Find(_resolver.BaseCollection, name);
            if (bodyField is RelationField relation && _props.Length > 3)
            {
                return ProcessBodyRelation(relation);
            }

            if (bodyField is not null && _props.Length == 3)
            {
                switch (modifier)
                {
                    case "each":
                        return BodyEach(bodyField);
                    case "length":
                        return bodyField is MultiValueField
                            ? new Term { Sql = BodyItems(name).Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TermType.Number }
                            : throw FilterErrors.Invalid($"field \"{name}\" doesn't support multivalue operations");
                    case "lower":
                        var lower = _resolver.Param(GoCast.ToText(Request.Body[name]));
                        return lower with { Sql = Dialect.LowerAscii(lower.Sql), IsParam = false };
                    case "changed":
                        return BodyChanged(name);
                }
            }
        }

        return StaticRequestField(_props[1..]);
    }

    private Term ProcessRequestAuthField()
    {
        var auth = Request.Auth;
        if (auth is null)
        {
            return Term.Null;
        }

        if (PlainAuthFields.Contains(_fieldName))
        {
            return StaticRequestField(_props[1..]);
        }

        var collection = auth.Collection;
        _activeCollection = collection;
        _activeKey = "__auth_" + collection.Name + _resolver.KeySuffix;
        var idParam = JoinParameter(auth.Id);
        _activeAlias = RegisterJoin(_activeKey, collection, a => Table(collection, a), a => $"{Column(a, "id")} = {idParam}");

        var mmAlias = NewMultiMatchAlias();
        _multiMatch.Joins.Add(Dialect.LeftJoin(Table(collection, mmAlias), $"{Column(mmAlias, "id")} = {idParam}"));
        _mmAlias = mmAlias;

        _props = _props[2..];
        return ProcessActiveProps();
    }

    /// <summary>@request.body.rel.field: joins the submitted ids of a relation field (no join condition on the row).</summary>
    private Term ProcessBodyRelation(RelationField relation)
    {
        var target = _resolver.FindCollection(relation.CollectionId)
            ?? throw FilterErrors.Invalid($"failed to load collection \"{relation.CollectionId}\" from data field \"{relation.Name}\"");
        var ids = BodyRelationIds.Of(Request.Body[relation.Name]);
        if (ids.Length == 0)
        {
            return Term.Null;
        }

        var list = string.Join(", ", ids.Select(JoinParameter));
        _activeCollection = target;
        _activeKey = "__data_" + target.Name + "_" + relation.Name + _resolver.KeySuffix;
        _activeAlias = RegisterJoin(_activeKey, target, a => Table(target, a), a => $"{Column(a, "id")} IN ({list})");
        _withMultiMatch |= relation.IsMultiple;

        var mmAlias = NewMultiMatchAlias();
        _multiMatch.Joins.Add(Dialect.LeftJoin(Table(target, mmAlias), $"{Column(mmAlias, "id")} IN ({list})"));
        _mmAlias = mmAlias;

        _props = _props[3..];
        return ProcessActiveProps();
    }

    private Term BodyEach(Field field)
    {
        if (field is not MultiValueField multi)
        {
            throw FilterErrors.Invalid($"field \"{field.Name}\" doesn't support multivalue operations");
        }

        var json = new JsonArray(BodyItems(field.Name).Select(n => n?.DeepClone()).ToArray()).ToJsonString();
        var param = JoinParameter(json, ColumnType.Json);
        var alias = RegisterJoin("__dataEach_je_" + field.Name + _resolver.KeySuffix, null, a => Dialect.JsonEachSource(param, isJson: true, Quote(a)), null);
        var term = new Term { Sql = Column(alias, "value"), Type = TermType.Text };
        _withMultiMatch |= multi.IsMultiple;
        if (!_withMultiMatch)
        {
            return term;
        }

        var mmEach = NewMultiMatchAlias();
        _multiMatch.Joins.Add(Dialect.LeftJoin(Dialect.JsonEachSource(param, isJson: true, Quote(mmEach)), null));
        return WithMultiMatch(term, term with { Sql = Column(mmEach, "value") });
    }

    /// <summary>:changed is <c>@request.body.f:isset = true &amp;&amp; @request.body.f != f</c>, compared with IS.</summary>
    private Term BodyChanged(string name)
    {
        var isset = new ComparisonNode(new IdentifierOperand($"@request.body.{name}:isset", 0), ComparisonOperator.Equal, new IdentifierOperand("true", 0));
        var differs = new ComparisonNode(new IdentifierOperand($"@request.body.{name}", 0), ComparisonOperator.NotEqual, new IdentifierOperand(name, 0));
        var sql = new ExpressionCompiler(_resolver).Compile(new LogicalNode(LogicalOperator.And, isset, differs));
        return new Term
        {
            Sql = Dialect.IsStrictlyTyped ? $"(CASE WHEN {sql} THEN 1 WHEN NOT {sql} THEN 0 END)" : sql,
            Type = TermType.Number,
            NullFallback = NullFallback.Disabled,
        };
    }

    /// <summary>PocketBase's resolveStaticRequestField over context, method, query, headers, body and the plain auth fields.</summary>
    private Term StaticRequestField(string[] path)
    {
        var (last, modifier) = FieldResolver.SplitModifier(path[^1]);
        path[^1] = last;
        var found = RequestValues.TryExtract(Request, path, out var value);
        if (modifier == "isset")
        {
            return FieldResolver.BoolKeyword(found);
        }

        if (value is string text && FieldNames.Find(_resolver.BaseCollection, last) is NumberField &&
            double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            value = number;
        }

        if (modifier is not ("" or "lower"))
        {
            throw FilterErrors.Invalid($"invalid modifier sequence {last}:{modifier}");
        }

        var term = _resolver.Param(value);
        return modifier == "lower" && value is not null ? term with { Sql = Dialect.LowerAscii(ValueSql.AsText(Dialect, term)), Type = TermType.Text, IsParam = false } : term;
    }

    private List<JsonNode?> BodyItems(string name) => RequestValues.ToSlice(Request.Body[name]);

    /// <summary>A parameter used by a join condition (always emitted, so registered at once).</summary>
    private string JoinParameter(string value) => JoinParameter(value, null);

    private string JoinParameter(object value, ColumnType? type)
    {
        var name = _resolver.State.NewParameterName();
        _resolver.State.SetParameter(name, new SqlParameterValue(value, type));
        return name;
    }
}
