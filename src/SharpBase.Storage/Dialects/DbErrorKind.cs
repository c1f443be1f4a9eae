namespace SharpBase.Storage.Dialects;

/// <summary>What a database error means to the layers above.</summary>
public enum DbErrorKind
{
    /// <summary>Anything not classified below: a bug or an outage, answered as 500.</summary>
    Other,
    /// <summary>A unique index rejected the write.</summary>
    UniqueViolation,
    /// <summary>A foreign key or NOT NULL/CHECK constraint rejected the write.</summary>
    ConstraintViolation,
    /// <summary>A concurrent transaction conflicted; the caller may retry.</summary>
    SerializationFailure,
    /// <summary>The SQL itself is invalid (only possible for superuser-authored view queries).</summary>
    InvalidSql,
    /// <summary>A schema change would break an object that depends on what it changes (a view reading a dropped column).</summary>
    DependentObject,
}
