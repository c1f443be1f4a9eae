namespace SharpBase.Core.Auth;

/// <summary>The outcome of <see cref="PasswordHasher.Verify"/>.</summary>
public enum PasswordVerification
{
    /// <summary>The password does not match, or the stored hash is malformed or unsupported.</summary>
    Failed = 0,

    /// <summary>The password matches and the stored hash uses the current parameters.</summary>
    Success = 1,

    /// <summary>
    /// The password matches, but the stored hash is bcrypt or Argon2id with weaker parameters than the current ones:
    /// the caller should store <see cref="PasswordHasher.Hash"/> of the password it just verified.
    /// </summary>
    SuccessRehashNeeded = 2,
}
