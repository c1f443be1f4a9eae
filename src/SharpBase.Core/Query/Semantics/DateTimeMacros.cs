using SharpBase.Core.Common;

namespace SharpBase.Core.Query.Semantics;

/// <summary>
/// The datetime macros (<c>@now</c>, <c>@todayStart</c>, <c>@year</c>, …), all UTC. Full datetimes are PocketBase text
/// (<see cref="DateTimeText.Layout"/>); the parts are integers (PocketBase binds Go ints). Names are case-sensitive, as in PocketBase.
/// </summary>
public static class DateTimeMacros
{
    /// <summary>Every macro name.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "@now", "@yesterday", "@tomorrow", "@todayStart", "@todayEnd", "@monthStart", "@monthEnd", "@yearStart",
        "@yearEnd", "@second", "@minute", "@hour", "@day", "@month", "@weekday", "@year",
    ];

    /// <summary>The value of macro <paramref name="name"/> at <paramref name="now"/>: text, a <see cref="long"/>, or false when unknown.</summary>
    public static bool TryGetValue(string name, DateTimeOffset now, out object? value)
    {
        var utc = now.ToUniversalTime();
        var today = new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero);
        var endOfDay = TimeSpan.FromDays(1) - TimeSpan.FromMilliseconds(1);
        var monthStart = new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var yearStart = new DateTimeOffset(utc.Year, 1, 1, 0, 0, 0, TimeSpan.Zero);
        value = name switch
        {
            "@now" => DateTimeText.Format(utc),
            "@yesterday" => DateTimeText.Format(utc.AddDays(-1)),
            "@tomorrow" => DateTimeText.Format(utc.AddDays(1)),
            "@todayStart" => DateTimeText.Format(today),
            "@todayEnd" => DateTimeText.Format(today + endOfDay),
            "@monthStart" => DateTimeText.Format(monthStart),
            "@monthEnd" => DateTimeText.Format(monthStart.AddMonths(1).AddDays(-1) + endOfDay),
            "@yearStart" => DateTimeText.Format(yearStart),
            "@yearEnd" => DateTimeText.Format(yearStart.AddYears(1).AddDays(-1) + endOfDay),
            "@second" => (long)utc.Second,
            "@minute" => (long)utc.Minute,
            "@hour" => (long)utc.Hour,
            "@day" => (long)utc.Day,
            "@month" => (long)utc.Month,
            "@weekday" => (long)utc.DayOfWeek,
            "@year" => (long)utc.Year,
            _ => null,
        };
        return value is not null;
    }
}
