namespace SharpBase.Storage.Catalog;

/// <summary>One row of <c>_collections</c>: the collection's id, its name and its definition as JSON text.</summary>
public sealed record StoredCollection(string Id, string Name, string Json);
