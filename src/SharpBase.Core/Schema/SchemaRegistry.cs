namespace SharpBase.Core.Schema;

/// <summary>Holds the current <see cref="SchemaSnapshot"/>; readers take <see cref="Current"/> once per request.</summary>
public sealed class SchemaRegistry
{
    private SchemaSnapshot _current = SchemaSnapshot.Empty;

    /// <summary>The schema in force.</summary>
    public SchemaSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Replaces the schema in force; called only after a change is committed.</summary>
    public void Swap(SchemaSnapshot next) => Volatile.Write(ref _current, next);
}
