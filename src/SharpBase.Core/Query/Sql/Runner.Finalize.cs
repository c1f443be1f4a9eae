using SharpBase.Core.Query.Semantics;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;
using SharpBase.Storage.Dialects;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Query.Sql;

/// <summary>The last path segment: a column, with :length, :each or :lower, and the JSON paths.</summary>
internal sealed partial class Runner
{
    private Term Finalize(Collection collection, string prop)
    {
        var (name, modifier) = FieldResolver.SplitModifier(prop);
        var field = FieldNames.Find(collection, name);
        if (field is null)
        {
            return _nullifyMissing ? Term.Null : throw FilterErrors.Invalid($"unknown field \"{name}\"");
        }

        if (field.Hidden && !_resolver.AllowHidden)
        {
            throw FilterErrors.Invalid($"non-filterable field \"{name}\"");
        }

        if (modifier == "length" && field is MultiValueField lengthField)
        {
            var term = new Term { Sql = Length(lengthField, _activeAlias), Type = TermType.Number };
            return WithMultiMatch(term, term with { Sql = Length(lengthField, _mmAlias) });
        }

        if (modifier == "each" && field is MultiValueField eachField)
        {
            return Each(eachField);
        }

        var result = ColumnTerm(field, _activeAlias);
        var mmValue = ColumnTerm(field, _mmAlias);
        if (field.Name == "email" && !_resolver.AllowHidden && collection.Type == CollectionType.Auth)
        {
            var visibility = Column(_activeAlias, "emailVisibility");
            result = result with { AfterBuild = expr => $"({expr} AND {visibility} = TRUE)" };
        }

        if (modifier == "lower")
        {
            result = Lower(result);
            mmValue = Lower(mmValue);
        }

        return WithMultiMatch(result, mmValue);
    }

    private Term WithMultiMatch(Term term, Term mmValue)
    {
        if (!_withMultiMatch)
        {
            return term;
        }

        _multiMatch.Value = mmValue;
        return term with { Multi = _multiMatch };
    }

    private Term Each(MultiValueField field)
    {
        var column = Column(_activeAlias, field.Name);
        var isJson = field.IsMultiple;
        var alias = RegisterJoin("__je_" + _activeKey + "_" + field.Name + _resolver.KeySuffix, null,
            a => Dialect.JsonEachSource(column, isJson, Quote(a)), condition: null);
        var term = new Term { Sql = Column(alias, "value"), Type = TermType.Text };
        if (field.IsMultiple)
        {
            _withMultiMatch = true;
        }

        if (!_withMultiMatch)
        {
            return term;
        }

        var mmEach = NewMultiMatchAlias();
        _multiMatch.Joins.Add(Dialect.LeftJoin(Dialect.JsonEachSource(Column(_mmAlias, field.Name), isJson, Quote(mmEach)), null));
        return WithMultiMatch(term, term with { Sql = Column(mmEach, "value") });
    }

    /// <summary>The rest of the path inside a json or geoPoint field.</summary>
    private Term JsonPath(Field field, string[] path)
    {
        // PocketBase columnifies each segment, which drops the ':' of a modifier.
        var segments = path.Select(p => p.Replace(":", "", StringComparison.Ordinal)).ToArray();
        var pathValue = Dialect.JsonPathParameterValue(segments);
        var name = JoinParameter(pathValue, null);
        var term = new Term
        {
            Sql = Dialect.JsonPathValue(Column(_activeAlias, field.Name), name),
            Type = TermType.Json,
            NullFallback = NullFallback.Disabled,
        };
        return WithMultiMatch(term, term with { Sql = Dialect.JsonPathValue(Column(_mmAlias, field.Name), name) });
    }

    /// <summary>A column as an operand, in the dialect's comparable form.</summary>
    private Term ColumnTerm(Field field, string alias)
    {
        var column = Column(alias, field.Name);
        var strict = Dialect is PostgresDialect;
        switch (field)
        {
            case JsonField or GeoPointField:
                return new Term
                {
                    Sql = strict ? StoredJson(column) : $"json_extract(CASE WHEN json_valid({column}) THEN {column} ELSE json_quote({column}) END, '$')",
                    Type = TermType.Json,
                    NullFallback = NullFallback.Disabled,
                };
            case MultiValueField { IsMultiple: true }:
                return new Term { Sql = strict ? PostgresDialect.JsonText(column) : column, Type = TermType.Text, Affinity = Affinity.Numeric };
        }

        return field.Column.Type switch
        {
            ColumnType.Number => new Term { Sql = column, Type = TermType.Number, Affinity = Affinity.Numeric },
            ColumnType.Bool => new Term { Sql = strict ? PostgresDialect.BoolAsNumber(column) : column, Type = TermType.Number, Affinity = Affinity.Numeric },
            ColumnType.DateTime when strict => new Term { Sql = GuardedDate(alias, column), Type = TermType.Text, Affinity = Affinity.Text },
            _ => new Term { Sql = column, Type = TermType.Text, Affinity = Affinity.Text },
        };
    }

    /// <summary>
    /// PostgreSQL: a json column as SQLite holds it. SQLite declares it <c>JSON</c> (NUMERIC affinity), so a bare number
    /// is stored as INTEGER when integral (<c>-2.0</c> → <c>-2</c>), else as REAL (<c>5.50</c> → <c>5.5</c>); jsonb keeps it as written.
    /// </summary>
    private static string StoredJson(string column) =>
        $"(CASE WHEN jsonb_typeof({column}) = 'number' THEN (CASE WHEN ({column})::numeric = trunc(({column})::numeric) AND abs(({column})::numeric) < 9.2e18 " +
        $"THEN to_jsonb(trunc(({column})::numeric)::bigint) ELSE to_jsonb((({column})::numeric)::double precision) END) ELSE {column} END)";

    /// <summary>PostgreSQL's date text; NULL (not '') when the joined row is missing, as SQLite gives.</summary>
    private string GuardedDate(string alias, string column)
    {
        var text = PostgresDialect.DateAsText(column);
        return alias == _resolver.Context.TableAlias || alias == _multiMatch.FromAlias ? text : $"(CASE WHEN {Column(alias, "id")} IS NULL THEN NULL ELSE {text} END)";
    }

    /// <summary>:length: items of a multi-value field; 0 or 1 for a single one.</summary>
    private string Length(MultiValueField field, string alias)
    {
        var column = Column(alias, field.Name);
        return field.IsMultiple ? Dialect.JsonArrayLength(column) : $"(CASE WHEN COALESCE({column}, '') = '' THEN 0 ELSE 1 END)";
    }

    private Term Lower(Term term) => term with
    {
        Sql = Dialect.LowerAscii(ValueSql.AsText(Dialect, term)),
        Type = TermType.Text,
        Affinity = Affinity.None,
        NullFallback = term.NullFallback,
    };
}
