using System.Data.Common;

namespace SharpBase.Storage.Catalog;

/// <summary>Small ADO.NET helpers: commands bound to the current transaction, parameters with null as DBNull.</summary>
public static class DbCommands
{
    /// <summary>A command on <paramref name="connection"/> in <paramref name="transaction"/> (SQLite requires it while one is open).</summary>
    public static DbCommand Create(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

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
