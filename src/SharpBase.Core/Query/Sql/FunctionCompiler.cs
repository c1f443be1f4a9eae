using SharpBase.Core.Query.Syntax;
using SharpBase.Storage.Dialects;

namespace SharpBase.Core.Query.Sql;

/// <summary>The two filter functions: <c>geoDistance</c> and <c>strftime</c> (PocketBase's <c>tools/search/token_functions.go</c>).</summary>
internal sealed class FunctionCompiler(ExpressionCompiler compiler, FieldResolver resolver)
{
    private SqlDialect Dialect => resolver.Dialect;

    public Term Compile(FunctionOperand function) => function.Name switch
    {
        "geoDistance" => GeoDistance(function.Arguments),
        "strftime" => Strftime(function.Arguments),
        _ => throw FilterErrors.Invalid($"unknown function \"{function.Name}\""),
    };

    private Term GeoDistance(IReadOnlyList<Operand> args)
    {
        if (args.Count != 4)
        {
            throw FilterErrors.Invalid($"[geoDistance] expected 4 arguments, got {args.Count}");
        }

        var terms = args.Select((arg, i) => arg is IdentifierOperand or LiteralOperand { Value: double }
            ? compiler.ResolveOperand(arg)
            : throw FilterErrors.Invalid($"[geoDistance] argument {i} must be an identifier or number")).ToArray();
        var numbers = terms.Select(ValueSql.AsNumber(Dialect)).ToArray();
        return new Term
        {
            Sql = Dialect.GeoDistance(numbers[0], numbers[1], numbers[2], numbers[3]),
            Type = TermType.Number,
            NullFallback = NullFallback.Disabled,
            Params = terms.SelectMany(t => t.Params).ToArray(),
        };
    }

    private Term Strftime(IReadOnlyList<Operand> args)
    {
        if (args.Count < 1)
        {
            throw FilterErrors.Invalid("[strftime] expected at least 1 arguments, got 0");
        }

        if (args.Count > FilterLimits.MaxStrftimeArguments)
        {
            throw FilterErrors.Invalid($"[strftime] too many arguments (max allowed {FilterLimits.MaxStrftimeArguments}, got {args.Count})");
        }

        if (args[0] is not LiteralOperand { Value: string format })
        {
            throw FilterErrors.Invalid("[strftime] expects the first argument to be a format string");
        }

        if (args.Count > 1 && args[1] is not (LiteralOperand { Value: string or double } or IdentifierOperand))
        {
            throw FilterErrors.Invalid("[strftime] expects the second argument to be of a valid time-value type");
        }

        var modifiers = new List<string>();
        for (var i = 2; i < args.Count; i++)
        {
            modifiers.Add(args[i] is LiteralOperand { Value: string modifier }
                ? modifier
                : throw FilterErrors.Invalid($"[strftime] invalid modifier argument {i - 2} - can be only string"));
        }

        // Without a time value SQLite uses 'now'; the context's clock is passed instead, so both databases agree.
        var time = args.Count > 1 ? compiler.ResolveOperand(args[1]) : resolver.Param(Common.DateTimeText.Format(resolver.Context.Time.GetUtcNow()));
        return Dialect.IsStrictlyTyped
            ? new PostgresStrftime(resolver).Compile(format, time, modifiers)
            : SqliteStrftime(format, time, modifiers);
    }

    private Term SqliteStrftime(string format, Term? time, List<string> modifiers)
    {
        var formatTerm = resolver.Param(format);
        var modifierTerms = modifiers.Select(m => resolver.Param(m)).ToArray();
        var parameters = new List<TermParam>(formatTerm.Params);
        parameters.AddRange(modifierTerms.SelectMany(m => m.Params));
        string Call(string? timeSql) =>
            "strftime(" + string.Join(", ", new[] { formatTerm.Sql }.Concat(timeSql is null ? [] : [timeSql]).Concat(modifierTerms.Select(m => m.Sql))) + ")";

        if (time is not null)
        {
            parameters.AddRange(time.Params);
        }

        var result = new Term { Sql = Call(time?.Sql), Type = TermType.Text, NullFallback = NullFallback.Enforced, Params = parameters };
        if (time?.Multi is { } multi)
        {
            var value = multi.Value!;
            result = result with { Multi = multi.WithValue(value with { Sql = Call(value.Sql), Type = TermType.Text, Affinity = Affinity.None, Params = parameters }) };
        }

        return result;
    }
}
