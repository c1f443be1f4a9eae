namespace SharpBase.Storage.Schema;

/// <summary>The physical shape of one collection table.</summary>
public sealed record TableSpec(string Name, IReadOnlyList<ColumnSpec> Columns);
