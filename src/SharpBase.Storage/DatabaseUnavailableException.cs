namespace SharpBase.Storage;

/// <summary>
/// The database cannot be opened or reached. <see cref="Exception.Message"/> is one line fit for a console: what,
/// where (never a password) and why; the provider's exception, if any, is the inner exception.
/// </summary>
public sealed class DatabaseUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
