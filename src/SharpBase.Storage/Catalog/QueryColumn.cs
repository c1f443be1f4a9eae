using SharpBase.Storage.Schema;

namespace SharpBase.Storage.Catalog;

/// <summary>One result column of a query: its name and the column type its database type maps to.</summary>
public sealed record QueryColumn(string Name, ColumnType Type);
