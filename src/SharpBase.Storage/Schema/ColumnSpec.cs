namespace SharpBase.Storage.Schema;

/// <summary>One column of a collection table. <paramref name="Name"/> comes only from a validated schema.</summary>
/// <param name="Name">The column name (a validated field name).</param>
/// <param name="Type">The physical kind.</param>
/// <param name="PrimaryKey">True for the <c>id</c> column.</param>
/// <param name="JsonDefault">For <see cref="ColumnType.Json"/>: the JSON text of the empty value (<c>[]</c>, an object), or null for JSON null.</param>
public sealed record ColumnSpec(string Name, ColumnType Type, bool PrimaryKey = false, string? JsonDefault = null);
