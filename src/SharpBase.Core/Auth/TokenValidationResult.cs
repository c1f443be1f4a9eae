namespace SharpBase.Core.Auth;

/// <summary>
/// The claims of a token that <see cref="TokenService.Validate"/> accepted: signature, algorithm, expiry and type checked.
/// <paramref name="Extra"/> holds every other string-valued claim (e.g. <c>email</c>, <c>newEmail</c>).
/// </summary>
public sealed record TokenValidationResult(
    string Id,
    string Type,
    string CollectionId,
    bool? Refreshable,
    DateTimeOffset Expires,
    IReadOnlyDictionary<string, string> Extra);
