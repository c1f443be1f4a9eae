using SharpBase.Core.Errors;
using SharpBase.Core.Records.Values;

namespace SharpBase.Core.Schema.Fields;

/// <summary>Ids of records in another collection.</summary>
public sealed record RelationField : MultiValueField
{
    /// <inheritdoc />
    public override string Type => "relation";

    /// <summary>The id of the target collection; it cannot change once set.</summary>
    public string CollectionId { get; init; } = "";

    /// <summary>Delete this record when the target is deleted (or drop the id from a multi relation).</summary>
    public bool CascadeDelete { get; init; }

    /// <summary>The smallest number of ids.</summary>
    public int MinSelect { get; init; }

    /// <inheritdoc />
    public override void ValidateOptions(ValidationErrors errors, SchemaValidationContext context)
    {
        var target = context.Find(CollectionId);
        if (CollectionId.Length == 0)
        {
            errors.Add("collectionId", ValidationError.Required());
        }
        else if (target is null || target.Id != CollectionId)
        {
            errors.Add("collectionId", new ValidationError("validation_missing_collection", "The related collection doesn't exist."));
        }
        else if (target.Type == CollectionType.View && context.Collection.Type != CollectionType.View)
        {
            errors.Add("collectionId", ValidationError.Invalid("Non-view collections cannot relate to view collections."));
        }

        if (context.PreviousField(Id) is RelationField old && old.CollectionId != CollectionId)
        {
            errors.Add("collectionId", new ValidationError("validation_field_collection_id_change", "The related collection cannot be changed."));
        }

        if (MinSelect < 0 || (MaxSelect > 0 && MinSelect > MaxSelect))
        {
            errors.Add("minSelect", ValidationError.Invalid("Must be between 0 and maxSelect."));
        }

        FieldOptionChecks.NonNegative(errors, "maxSelect", MaxSelect);
    }

    /// <summary>Required, minSelect and maxSelect; that every id exists is checked against the database elsewhere.</summary>
    public override ValidationError? ValidateValue(object? value)
    {
        var ids = StringList.FromStored(value);
        if (ids.Count == 0)
        {
            return Required ? FieldErrors.Required() : null;
        }

        if (MinSelect > 0 && ids.Count < MinSelect)
        {
            return FieldErrors.NotEnoughValues(MinSelect);
        }

        var maxSelect = Math.Max(MaxSelect, 1);
        return ids.Count > maxSelect ? FieldErrors.TooManyValues(maxSelect) : null;
    }
}
