using System.Data.Common;

namespace SharpBase.Core.Records;

/// <summary>
/// An open connection, and the write transaction when there is one. Record operations run on a session so a batch can
/// run many of them in one transaction and read its own writes.
/// </summary>
public sealed record DbSession(DbConnection Connection, DbTransaction? Transaction);
