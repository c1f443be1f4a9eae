namespace SharpBase.Storage;

/// <summary>
/// No database connection became free in time (every pooled connection is in use, or the server did not answer the
/// connect): the request should be retried shortly, not treated as a failure of the server. The message is one line
/// fit for a log; the provider's exception is the inner exception. It is a <see cref="TimeoutException"/> so the HTTP
/// layer can answer 503 without depending on Storage.
/// </summary>
public sealed class DatabaseBusyException(string message, Exception? innerException = null) : TimeoutException(message, innerException);
