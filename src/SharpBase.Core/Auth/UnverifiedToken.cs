namespace SharpBase.Core.Auth;

/// <summary>
/// The claims of a token whose signature has NOT been checked (see <see cref="TokenService.TryReadUnverified"/>): use them
/// only to find the record whose key then validates the token.
/// </summary>
public sealed record UnverifiedToken(string Id, string Type, string CollectionId);
