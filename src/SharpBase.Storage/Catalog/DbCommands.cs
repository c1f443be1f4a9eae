using System.Data.Common;

namespace SharpBase.Storage.Catalog;

/// <summary>Small ADO.NET helpers: parameters with null as DBNull (commands come from <see cref="DbSession.Command"/>).</summary>
public static class DbCommands
{
    /// <summary>Adds parameter <paramref name="name"/> (e.g. <c>@id</c>); null becomes DBNull.</summary>
    public static DbParameter AddParameter(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
