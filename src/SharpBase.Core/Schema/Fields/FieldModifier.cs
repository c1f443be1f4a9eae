namespace SharpBase.Core.Schema.Fields;

/// <summary>How a create/update body key changes a field (wire reference §2.5).</summary>
public enum FieldModifier
{
    /// <summary><c>name</c>: replaces the value.</summary>
    Set,

    /// <summary><c>name+</c>: adds to a number, or appends to a select/relation/file value.</summary>
    Append,

    /// <summary><c>+name</c>: prepends to a select/relation/file value.</summary>
    Prepend,

    /// <summary><c>name-</c>: subtracts from a number, or removes values from a select/relation/file value.</summary>
    Remove,

    /// <summary><c>name:autogenerate</c> (text only): the given prefix plus a value generated from the autogenerate pattern.</summary>
    Autogenerate,
}
