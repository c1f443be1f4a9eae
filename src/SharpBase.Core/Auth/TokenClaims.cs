namespace SharpBase.Core.Auth;

/// <summary>
/// What <see cref="TokenService.Issue"/> puts in a PocketBase-style token: <c>id</c>, <c>type</c> (<c>auth</c>, <c>file</c>,
/// <c>verification</c>, <c>passwordReset</c>, <c>emailChange</c>, ...), <c>collectionId</c>, <c>refreshable</c> (written only
/// when not null) and string <paramref name="Extra"/> claims such as <c>email</c> and <c>newEmail</c>.
/// </summary>
public sealed record TokenClaims(
    string Id,
    string Type,
    string CollectionId,
    bool? Refreshable = null,
    IReadOnlyDictionary<string, string>? Extra = null);
