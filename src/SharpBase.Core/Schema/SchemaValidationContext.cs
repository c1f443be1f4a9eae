using SharpBase.Core.Schema.Fields;

namespace SharpBase.Core.Schema;

/// <summary>What field and collection checks may look at: the collection being saved, its previous version and the schema it will join.</summary>
public sealed class SchemaValidationContext(Collection collection, Collection? previous, SchemaSnapshot target)
{
    /// <summary>The collection being validated.</summary>
    public Collection Collection { get; } = collection;

    /// <summary>Its stored version, or null on create.</summary>
    public Collection? Previous { get; } = previous;

    /// <summary>The schema as it will be after the change (the collection itself included).</summary>
    public SchemaSnapshot Target { get; } = target;

    /// <summary>A collection of the target schema by id or name; the collection being saved counts too.</summary>
    public Collection? Find(string idOrName) =>
        idOrName == Collection.Id ? Collection : Target.Find(idOrName);

    /// <summary>The previous version of a field by id, or null.</summary>
    public Field? PreviousField(string fieldId) => Previous?.Fields.FirstOrDefault(f => f.Id == fieldId);
}
