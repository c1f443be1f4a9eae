namespace SharpBase.Core.Errors;

/// <summary>
/// A tree of validation errors keyed like the input (<c>fields.2.name</c> becomes nested objects),
/// serialized as the <c>data</c> of the error envelope.
/// </summary>
public sealed class ValidationErrors
{
    private readonly SortedDictionary<string, object> _entries = new(StringComparer.Ordinal);

    /// <summary>True when nothing failed (nested sets that stayed empty do not count).</summary>
    public bool IsEmpty => _entries.Values.All(v => v is ValidationErrors { IsEmpty: true });

    /// <summary>Records an error for <paramref name="key"/>; the first error of a key wins, as in PocketBase.</summary>
    public ValidationErrors Add(string key, ValidationError error)
    {
        _entries.TryAdd(key, error);
        return this;
    }

    /// <summary>The nested error set for <paramref name="key"/>, created when missing.</summary>
    public ValidationErrors Nested(string key)
    {
        if (_entries.TryGetValue(key, out var existing) && existing is ValidationErrors nested)
        {
            return nested;
        }

        var created = new ValidationErrors();
        _entries[key] = created;
        return created;
    }

    /// <summary>Adds every error of <paramref name="other"/> into this set (the first error of a key wins).</summary>
    public void Merge(ValidationErrors other)
    {
        foreach (var (key, value) in other._entries)
        {
            if (value is ValidationErrors nested)
            {
                Nested(key).Merge(nested);
            }
            else
            {
                _entries.TryAdd(key, value);
            }
        }
    }

    /// <summary>True when <paramref name="key"/> has an error or a non-empty nested set.</summary>
    public bool Has(string key) => _entries.TryGetValue(key, out var value) && value is not ValidationErrors { IsEmpty: true };

    /// <summary>The plain object graph to serialize: nested dictionaries of <see cref="ValidationError"/>.</summary>
    public IReadOnlyDictionary<string, object> ToData()
    {
        var result = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in _entries)
        {
            if (value is ValidationErrors nested)
            {
                if (!nested.IsEmpty)
                {
                    result[key] = nested.ToData();
                }
            }
            else
            {
                result[key] = value;
            }
        }

        return result;
    }
}
