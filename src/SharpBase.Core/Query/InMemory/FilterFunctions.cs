using SharpBase.Core.Query.Semantics;
using SharpBase.Core.Query.Syntax;

namespace SharpBase.Core.Query.InMemory;

/// <summary>
/// The two filter functions, their argument rules (shared with the SQL compiler through <see cref="Validate"/>) and
/// their in-memory implementations.
/// </summary>
public static class FilterFunctions
{
    /// <summary>The Earth radius used by <c>geoDistance</c>, in km.</summary>
    public const double EarthRadiusKm = 6371;

    /// <summary>
    /// Checks a call against PocketBase's rules: <c>geoDistance</c> takes exactly 4 identifiers or numbers;
    /// <c>strftime</c> takes a text format, then optionally a time value (text, number or identifier) and text
    /// modifiers, at most 10 arguments. Throws <see cref="FilterFieldException"/> otherwise.
    /// </summary>
    public static void Validate(FunctionOperand function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var args = function.Arguments;
        switch (function.Name)
        {
            case "geoDistance":
                if (args.Count != 4)
                {
                    throw new FilterFieldException($"geoDistance expects 4 arguments, got {args.Count}", function.Position);
                }

                foreach (var arg in args)
                {
                    if (arg is not (IdentifierOperand or LiteralOperand { Value: null or double or bool }))
                    {
                        throw new FilterFieldException("geoDistance arguments must be identifiers or numbers", arg.Position);
                    }
                }

                break;
            case "strftime":
                if (args.Count is < 1 or > FilterLimits.MaxFunctionArguments)
                {
                    throw new FilterFieldException($"strftime expects 1 to {FilterLimits.MaxFunctionArguments} arguments", function.Position);
                }

                if (args[0] is not LiteralOperand { Value: string })
                {
                    throw new FilterFieldException("strftime expects the first argument to be a format text", args[0].Position);
                }

                if (args.Count > 1 && args[1] is FunctionOperand)
                {
                    throw new FilterFieldException("strftime expects the second argument to be a time value", args[1].Position);
                }

                foreach (var arg in args.Skip(2))
                {
                    if (arg is not LiteralOperand { Value: string })
                    {
                        throw new FilterFieldException("strftime modifiers must be text", arg.Position);
                    }
                }

                break;
            default:
                throw new FilterFieldException($"unknown function {FilterSyntaxException.Snippet(function.Name)}", function.Position);
        }
    }

    /// <summary>Validates and runs a call over evaluated arguments; <paramref name="now"/> is SQLite's 'now'.</summary>
    public static FilterValue Invoke(FunctionOperand function, IReadOnlyList<FilterValue> arguments, DateTimeOffset now)
    {
        Validate(function);
        ArgumentNullException.ThrowIfNull(arguments);
        if (function.Name == "geoDistance")
        {
            // No multi-match: like SQLite's built-ins over a join, one matching combination is enough.
            var distances = Combine(arguments, values => GeoDistance(values[0], values[1], values[2], values[3]));
            return distances with { DisableNullFolding = true, MatchAll = false };
        }

        var format = (string)arguments[0].Scalar!;
        var modifiers = arguments.Skip(2).Select(a => SqlValues.ToText(a.Scalar) ?? "").ToArray();
        if (arguments.Count == 1)
        {
            return FilterValue.Of(SqliteStrftime.Format(format, "now", [], now));
        }

        var time = arguments[1];
        return time.IsList
            ? FilterValue.List(time.Items!.Select(item => (object?)SqliteStrftime.Format(format, item, modifiers, now)))
            : FilterValue.Of(SqliteStrftime.Format(format, time.Scalar, modifiers, now));
    }

    /// <summary>Haversine distance in km; null when any coordinate is NULL or not numeric.</summary>
    public static double? GeoDistance(object? lonA, object? latA, object? lonB, object? latB)
    {
        if (!SqlValues.TryNumber(lonA, out var x1) || !SqlValues.TryNumber(latA, out var y1) ||
            !SqlValues.TryNumber(lonB, out var x2) || !SqlValues.TryNumber(latB, out var y2))
        {
            return null;
        }

        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(y2 - y1);
        var dLon = Radians(x2 - x1);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + (Math.Cos(Radians(y1)) * Math.Cos(Radians(y2)) * Math.Pow(Math.Sin(dLon / 2), 2));
        return EarthRadiusKm * 2 * Math.Atan2(Math.Sqrt(a), Math.Sqrt(Math.Max(0, 1 - a)));
    }

    private static FilterValue Combine(IReadOnlyList<FilterValue> arguments, Func<object?[], double?> compute)
    {
        if (!arguments.Any(a => a.IsList))
        {
            return FilterValue.Of(compute(arguments.Select(a => a.Scalar).ToArray()));
        }

        IEnumerable<object?[]> rows = [[]];
        foreach (var argument in arguments)
        {
            var items = argument.MatchItems();
            rows = rows.SelectMany(row => items.Select(item => (object?[])[.. row, item]));
        }

        return FilterValue.List(rows.Take(10_000).Select(row => (object?)compute(row)));
    }
}
