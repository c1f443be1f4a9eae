namespace SharpBase.Storage.Catalog;

/// <summary>One row of <c>_migrations</c>: a migration file and when it was applied (UTC).</summary>
public sealed record AppliedMigration(string File, DateTimeOffset Applied);
