using SharpBase.Core.Records;
using SharpBase.Core.Schema;

namespace SharpBase.Core.Query.InMemory;

/// <summary>
/// Synchronous record access for the in-memory evaluator's relation paths (<c>author.name</c>) and back-relations
/// (<c>comments_via_post.text</c>). Implementations should read from an already-consistent snapshot or cache.
/// </summary>
public interface IRecordLookup
{
    /// <summary>The collection with this id or name, or null.</summary>
    public Collection? FindCollection(string idOrName);

    /// <summary>The record of <paramref name="collection"/> with id <paramref name="id"/>, or null.</summary>
    public RecordRow? Find(Collection collection, string id);

    /// <summary>
    /// The records of <paramref name="collection"/> whose relation field <paramref name="relationField"/> holds
    /// <paramref name="id"/> (the back-relation <c>collection_via_relationField</c>).
    /// </summary>
    public IReadOnlyList<RecordRow> FindReferencing(Collection collection, string relationField, string id);
}
