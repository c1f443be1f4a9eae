namespace SharpBase.Core.Migrations;

/// <summary>The statements that turn one version of a collection into another, and what they would lose.</summary>
public sealed record SchemaPlan(IReadOnlyList<string> Statements, IReadOnlyList<DataLoss> Losses);

/// <summary>One destructive step: a dropped collection, a dropped field or a narrowed field.</summary>
/// <param name="Table">The table whose data is affected.</param>
/// <param name="Column">The column, or null when the whole table goes.</param>
/// <param name="Description">A sentence for people, e.g. <c>drop field "title" of "posts"</c>.</param>
public sealed record DataLoss(string Table, string? Column, string Description);
