using SharpBase.Core.Query.Semantics;
using SharpBase.Core.Query.Syntax;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;

namespace SharpBase.Core.Query.Sql;

/// <summary>One identifier's resolution: PocketBase's runner (<c>core/record_field_resolver_runner.go</c>).</summary>
internal sealed partial class Runner
{
    private readonly FieldResolver _resolver;
    private readonly string _fieldName;
    private string[] _props = [];
    private Collection _activeCollection;
    private string _activeAlias;
    private string _activeKey;
    private bool _nullifyMissing;
    private bool _withMultiMatch;
    private string _mmAlias;
    private readonly MultiMatch _multiMatch;

    public Runner(FieldResolver resolver, string fieldName)
    {
        _resolver = resolver;
        _fieldName = fieldName;
        _activeCollection = resolver.BaseCollection;
        _activeAlias = resolver.BaseAlias;
        _activeKey = resolver.BaseAlias;
        _mmAlias = resolver.State.NewAlias("_m");
        _multiMatch = new MultiMatch { FromTable = resolver.BaseCollection.Name, FromAlias = _mmAlias, TargetAlias = resolver.BaseAlias };
    }

    private Storage.Dialects.SqlDialect Dialect => _resolver.Dialect;

    public Term Run()
    {
        if (!FieldResolver.IsAllowed(_fieldName))
        {
            throw FilterErrors.Invalid($"failed to resolve field \"{_fieldName}\"");
        }

        _props = _fieldName.Split('.');
        _nullifyMissing = _props[0] == "@request";

        if (_props[0] == "@collection")
        {
            return ProcessCollectionField();
        }

        if (_props[0] == "@request")
        {
            return ProcessRequestField();
        }

        return ProcessActiveProps();
    }

    private Term ProcessCollectionField()
    {
        if (_props.Length < 3)
        {
            throw FilterErrors.Invalid($"invalid @collection field path in \"{_fieldName}\"");
        }

        var parts = _props[1].Split(':', 2);
        var collection = _resolver.FindCollection(parts[0])
            ?? throw FilterErrors.Invalid($"failed to load collection \"{_props[1]}\" from field path \"{_fieldName}\"");
        _activeCollection = collection;
        _activeKey = (parts.Length == 2 && parts[1].Length > 0 ? "__collection_alias_" + parts[1] : "__collection_" + collection.Name) + _resolver.KeySuffix;
        _withMultiMatch = true;
        _activeAlias = RegisterJoin(_activeKey, collection, alias => Table(collection, alias), condition: null);

        var mmAlias = NewMultiMatchAlias();
        _multiMatch.Joins.Add(Dialect.LeftJoin(Table(collection, mmAlias), null));
        _mmAlias = mmAlias;

        _props = _props[2..];
        return ProcessActiveProps();
    }

    /// <summary>The relation, back-relation and JSON path walk over <see cref="_props"/>.</summary>
    private Term ProcessActiveProps()
    {
        for (var i = 0; i < _props.Length; i++)
        {
            var prop = _props[i];
            var collection = _activeCollection;
            if (i == _props.Length - 1)
            {
                return Finalize(collection, prop);
            }

            var field = FieldNames.Find(collection, prop);
            if (field is { Hidden: true } && !_resolver.AllowHidden)
            {
                throw FilterErrors.Invalid($"non-filterable field \"{prop}\"");
            }

            if (field is JsonField or GeoPointField)
            {
                return JsonPath(field, _props[(i + 1)..]);
            }

            if (i >= FilterLimits.MaxRelationDepth)
            {
                throw FilterErrors.Invalid($"max nested relations reached for field \"{prop}\"");
            }

            if (field is null)
            {
                if (JoinBackRelation(collection, prop) is { } nullTerm)
                {
                    return nullTerm;
                }

                continue;
            }

            if (field is not RelationField relation)
            {
                throw FilterErrors.Invalid($"field \"{prop}\" is not a valid relation");
            }

            var target = _resolver.FindCollection(relation.CollectionId)
                ?? throw FilterErrors.Invalid($"failed to load field \"{prop}\" collection");

            // "author.id" is "author" for a single relation: no join.
            if (!relation.IsMultiple && i == _props.Length - 2 && _props[i + 1] == "id")
            {
                return Finalize(collection, relation.Name);
            }

            JoinRelation(relation, target);
        }

        throw FilterErrors.Invalid($"failed to resolve field \"{_fieldName}\"");
    }

    private void JoinRelation(RelationField relation, Collection target)
    {
        var column = Column(_activeAlias, relation.Name);
        var key = _activeKey + "_" + relation.Name + _resolver.KeySuffix;
        string alias;
        if (!relation.IsMultiple)
        {
            alias = RegisterJoin(key, target, a => Table(target, a), a => $"{Column(a, "id")} = {column}");
        }
        else
        {
            var eachAlias = RegisterJoin("__je_" + key, null, a => Dialect.JsonEachSource(column, isJson: true, Quote(a)), condition: null);
            alias = RegisterJoin(key, target, a => Table(target, a), a => $"{Column(a, "id")} = {Column(eachAlias, "value")}");
            _withMultiMatch = true;
        }

        _activeCollection = target;
        _activeAlias = alias;
        _activeKey = key;

        var mmColumn = Column(_mmAlias, relation.Name);
        var mmAlias = NewMultiMatchAlias();
        if (!relation.IsMultiple)
        {
            _multiMatch.Joins.Add(Dialect.LeftJoin(Table(target, mmAlias), $"{Column(mmAlias, "id")} = {mmColumn}"));
        }
        else
        {
            var mmEach = NewMultiMatchAlias();
            _multiMatch.Joins.Add(Dialect.LeftJoin(Dialect.JsonEachSource(mmColumn, isJson: true, Quote(mmEach)), null));
            _multiMatch.Joins.Add(Dialect.LeftJoin(Table(target, mmAlias), $"{Column(mmAlias, "id")} = {Column(mmEach, "value")}"));
        }

        _mmAlias = mmAlias;
    }

    /// <summary>Joins <c>{collection}_via_{field}</c>; returns a NULL term when it does not resolve inside @request.*.</summary>
    private Term? JoinBackRelation(Collection collection, string prop)
    {
        if (!FieldNames.TryParseBackRelation(prop, out var backName, out var backFieldName))
        {
            return MissingOrThrow($"failed to resolve field \"{prop}\"");
        }

        var back = _resolver.FindCollection(backName);
        if (back is null)
        {
            return MissingOrThrow($"failed to load back relation field \"{prop}\" collection");
        }

        var backField = FieldNames.Find(back, backFieldName);
        if (backField is not RelationField backRelation)
        {
            return MissingOrThrow($"missing or invalid back relation field \"{backFieldName}\"");
        }

        if (backRelation.Hidden && !_resolver.AllowHidden)
        {
            throw FilterErrors.Invalid($"non-filterable back relation field \"{backRelation.Name}\"");
        }

        if (backRelation.CollectionId != collection.Id)
        {
            return MissingOrThrow($"invalid collection reference of a back relation field \"{backRelation.Name}\"");
        }

        var key = _activeKey + "_" + prop + _resolver.KeySuffix;
        var activeId = Column(_activeAlias, "id");
        var alias = RegisterJoin(key, back, a => Table(back, a), a => BackCondition(backRelation, a, activeId));

        if (backRelation.IsMultiple)
        {
            _withMultiMatch = true;
        }
        else if (!_withMultiMatch)
        {
            _withMultiMatch = UniqueIndexes.SingleColumn(back, backRelation.Name) is null;
        }

        var mmAlias = NewMultiMatchAlias();
        _multiMatch.Joins.Add(Dialect.LeftJoin(Table(back, mmAlias), BackCondition(backRelation, mmAlias, Column(_mmAlias, "id"))));
        _mmAlias = mmAlias;
        _activeCollection = back;
        _activeAlias = alias;
        _activeKey = key;
        return null;
    }

    private string BackCondition(RelationField backRelation, string alias, string activeId)
    {
        if (!backRelation.IsMultiple)
        {
            return $"{Column(alias, backRelation.Name)} = {activeId}";
        }

        var each = _resolver.State.NewAlias("_e");
        return $"{activeId} IN (SELECT {Column(each, "value")} FROM {Dialect.JsonEachSource(Column(alias, backRelation.Name), isJson: true, Quote(each))})";
    }

    private Term? MissingOrThrow(string reason) => _nullifyMissing ? Term.Null : throw FilterErrors.Invalid(reason);
}
