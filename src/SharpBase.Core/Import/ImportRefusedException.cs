namespace SharpBase.Core.Import;

/// <summary>An import that was not started because of the target or the source; its message is the one line a user sees.</summary>
public sealed class ImportRefusedException(string message) : Exception(message);
