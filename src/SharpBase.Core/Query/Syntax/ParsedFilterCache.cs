using System.Collections.Concurrent;

namespace SharpBase.Core.Query.Syntax;

/// <summary>
/// A thread-safe, bounded cache of parsed filters keyed by their exact text. Trees are immutable, so they are shared.
/// When full, the cache is cleared and refilled (simple and bounded; PocketBase keeps 500 entries).
/// Invalid filters are never cached.
/// </summary>
public sealed class ParsedFilterCache(int capacity = ParsedFilterCache.DefaultCapacity)
{
    /// <summary>The default number of entries.</summary>
    public const int DefaultCapacity = 500;

    private readonly ConcurrentDictionary<string, FilterNode> _entries = new(StringComparer.Ordinal);
    private readonly int _capacity = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity));

    /// <summary>The number of cached filters.</summary>
    public int Count => _entries.Count;

    /// <summary>The cached tree for <paramref name="filter"/>, parsing (and caching) it on a miss.</summary>
    public FilterNode GetOrParse(string filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (_entries.TryGetValue(filter, out var cached))
        {
            return cached;
        }

        var parsed = FilterParser.Parse(filter);
        if (_entries.Count >= _capacity)
        {
            _entries.Clear();
        }

        return _entries.GetOrAdd(filter, parsed);
    }
}
