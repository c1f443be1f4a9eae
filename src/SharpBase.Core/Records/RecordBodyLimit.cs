using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;

namespace SharpBase.Core.Records;

/// <summary>
/// The largest create or update body a collection accepts, as PocketBase's <c>dynamicCollectionBodyLimit</c> computes it:
/// the server's limit plus what the collection's fields may carry (each file field <c>maxSize × maxSelect</c>, each json
/// and editor field its <c>maxSize</c>, with the field defaults when 0). A view takes no writes, so it adds nothing.
/// </summary>
public static class RecordBodyLimit
{
    /// <summary>The body limit in bytes for writes to <paramref name="collection"/>, saturating at <see cref="long.MaxValue"/>.</summary>
    public static long For(Collection collection, long baseLimit)
    {
        ArgumentNullException.ThrowIfNull(collection);
        if (collection.Type == CollectionType.View)
        {
            return baseLimit;
        }

        Int128 total = baseLimit;
        foreach (var field in collection.Fields)
        {
            total += field switch
            {
                FileField file => (Int128)Effective(file.MaxSize, FileField.DefaultMaxSize) * Math.Max(1, file.MaxSelect),
                JsonField json => Effective(json.MaxSize, JsonField.DefaultMaxSize),
                EditorField editor => Effective(editor.MaxSize, EditorField.DefaultMaxSize),
                _ => 0,
            };
        }

        return total > long.MaxValue ? long.MaxValue : (long)total;
    }

    private static long Effective(long maxSize, long fallback) => maxSize <= 0 ? fallback : maxSize;
}
