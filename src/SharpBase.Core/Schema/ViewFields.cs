using SharpBase.Core.Common;
using SharpBase.Core.Schema.Fields;
using SharpBase.Storage.Catalog;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Schema;

/// <summary>Infers a view collection's fields from the columns its query returns, keeping the ids of fields it had before.</summary>
public static class ViewFields
{
    /// <summary>One field per column; <c>id</c> is the text primary key.</summary>
    public static IReadOnlyList<Field> From(IReadOnlyList<QueryColumn> columns, Collection view, Collection? before)
    {
        var fields = new List<Field>(columns.Count);
        foreach (var column in columns.DistinctBy(c => c.Name, StringComparer.OrdinalIgnoreCase))
        {
            Field field = column.Name == "id"
                ? new TextField { Name = "id", System = true, PrimaryKey = true, Required = true }
                : column.Type switch
                {
                    ColumnType.Number => new NumberField { Name = column.Name },
                    ColumnType.Bool => new BoolField { Name = column.Name },
                    ColumnType.DateTime => new DateField { Name = column.Name },
                    ColumnType.Json => new JsonField { Name = column.Name },
                    _ => new TextField { Name = column.Name },
                };
            var declared = view.FindField(column.Name) ?? before?.FindField(column.Name);
            var id = declared is not null && declared.Type == field.Type ? declared.Id : Ids.FieldId(field.Type, column.Name);
            fields.Add(field with { Id = id, Hidden = declared?.Hidden ?? false, Presentable = declared?.Presentable ?? false });
        }

        return fields;
    }
}
