using System.Globalization;

namespace SharpBase.Core.Settings;

/// <summary>
/// Checks a cron expression as PocketBase's tools/cron reads it: a macro (<c>@daily</c>, …) or five space-separated
/// segments (minute, hour, day of month, month, day of week), each a list of <c>*</c>, <c>n</c>, <c>a-b</c>, <c>*/s</c> or
/// <c>a-b/s</c>. Only the check is here: SharpBase schedules nothing with it yet.
/// </summary>
internal static class CronExpression
{
    private static readonly Dictionary<string, string> Macros = new(StringComparer.Ordinal)
    {
        ["@yearly"] = "0 0 1 1 *",
        ["@annually"] = "0 0 1 1 *",
        ["@monthly"] = "0 0 1 * *",
        ["@weekly"] = "0 0 * * 0",
        ["@daily"] = "0 0 * * *",
        ["@midnight"] = "0 0 * * *",
        ["@hourly"] = "0 * * * *",
    };

    private static readonly (int Min, int Max)[] Bounds = [(0, 59), (0, 23), (1, 31), (1, 12), (0, 6)];

    /// <summary>Why <paramref name="expression"/> is not a valid schedule, or null when it is.</summary>
    public static string? Problem(string expression)
    {
        var segments = Macros.GetValueOrDefault(expression, expression).Split(' ');
        if (segments.Length != 5)
        {
            return "Invalid cron expression - must be a valid macro or to have exactly 5 space separated segments.";
        }

        for (var i = 0; i < segments.Length; i++)
        {
            if (SegmentProblem(segments[i], Bounds[i].Min, Bounds[i].Max) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? SegmentProblem(string segment, int min, int max)
    {
        foreach (var part in segment.Split(','))
        {
            var stepParts = part.Split('/');
            if (stepParts.Length > 2)
            {
                return "Invalid segment step format - must be in the format */n or 1-30/n.";
            }

            var step = 1;
            if (stepParts.Length == 2 && !int.TryParse(stepParts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out step))
            {
                return NotANumber(stepParts[1]);
            }

            if (step < 1 || step > max)
            {
                return $"Invalid segment step boundary - the step must be between 1 and the {max}.";
            }

            if (stepParts[0] != "*" && RangeProblem(stepParts[0], step, min, max) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? RangeProblem(string range, int step, int min, int max)
    {
        var bounds = range.Split('-');
        if (bounds.Length > 2)
        {
            return "Invalid segment range format - the range must have 1 or 2 parts.";
        }

        if (!int.TryParse(bounds[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var low))
        {
            return NotANumber(bounds[0]);
        }

        if (bounds.Length == 1)
        {
            return step != 1 ? "Invalid segment step - step > 1 could be used only with the wildcard or range format."
                : low < min || low > max ? "Invalid segment value - must be between the min and max of the segment."
                : null;
        }

        if (low < min || low > max)
        {
            return $"Invalid segment range minimum - must be between {min} and {max}.";
        }

        if (!int.TryParse(bounds[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var high))
        {
            return NotANumber(bounds[1]);
        }

        return high < low || high > max ? $"Invalid segment range maximum - must be between {low} and {max}." : null;
    }

    private static string NotANumber(string text) => $"Strconv.Atoi: parsing \"{text}\": invalid syntax.";
}
