namespace SharpBase.Core.Schema;

/// <summary>
/// The options of an auth collection, in PocketBase's JSON shape (flattened into the collection JSON). Properties are
/// declared in PocketBase's key order, which is the order they are written in.
/// </summary>
public sealed record AuthOptions
{
    /// <summary>Extra condition a record must meet to sign in; "" allows all.</summary>
    public string? AuthRule { get; init; } = "";

    /// <summary>Who may manage other records of the collection (change emails, passwords); null = superusers only.</summary>
    public string? ManageRule { get; init; }

    /// <summary>New-device login alerts.</summary>
    public AuthAlertOptions AuthAlert { get; init; } = new();

    /// <summary>OAuth2 sign-in.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("oauth2")]
    public OAuth2Options OAuth2 { get; init; } = new();

    /// <summary>Password sign-in.</summary>
    public PasswordAuthOptions PasswordAuth { get; init; } = new();

    /// <summary>Multi-factor sign-in.</summary>
    public MfaOptions Mfa { get; init; } = new();

    /// <summary>One-time-password sign-in.</summary>
    public OtpOptions Otp { get; init; } = new();

    /// <summary>Auth tokens (JWT) lifetime and secret.</summary>
    public TokenOptions AuthToken { get; init; } = new() { Duration = 432000 };

    /// <summary>Password reset tokens.</summary>
    public TokenOptions PasswordResetToken { get; init; } = new() { Duration = 1800 };

    /// <summary>Email change tokens.</summary>
    public TokenOptions EmailChangeToken { get; init; } = new() { Duration = 1800 };

    /// <summary>Verification tokens.</summary>
    public TokenOptions VerificationToken { get; init; } = new() { Duration = 86400 };

    /// <summary>Protected file tokens.</summary>
    public TokenOptions FileToken { get; init; } = new() { Duration = 180 };

    /// <summary>The verification mail.</summary>
    public EmailTemplate VerificationTemplate { get; init; } = EmailTemplate.Verification;

    /// <summary>The password reset mail.</summary>
    public EmailTemplate ResetPasswordTemplate { get; init; } = EmailTemplate.ResetPassword;

    /// <summary>The email change mail.</summary>
    public EmailTemplate ConfirmEmailChangeTemplate { get; init; } = EmailTemplate.ConfirmEmailChange;

    /// <summary>
    /// <i>SharpBase addition.</i> The notice mailed to the old address once an email change is confirmed; it gets
    /// <c>{RECORD:id}</c> and <c>{RECORD:email}</c> (the old address) but never a token.
    /// </summary>
    public EmailTemplate EmailChangeNoticeTemplate { get; init; } = EmailTemplate.EmailChangeNotice;

    /// <summary>The token settings by their JSON key, for code that treats them alike (secrets, redaction).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<(string Key, TokenOptions Token)> Tokens =>
    [
        ("authToken", AuthToken), ("passwordResetToken", PasswordResetToken), ("emailChangeToken", EmailChangeToken),
        ("verificationToken", VerificationToken), ("fileToken", FileToken),
    ];
}

/// <summary>A token lifetime (seconds) and signing secret. The secret is write-only on the wire.</summary>
public sealed record TokenOptions
{
    /// <summary>The signing secret (30–255 characters); never sent back to clients. Written before the duration, as PocketBase does.</summary>
    public string Secret { get; init; } = "";

    /// <summary>Lifetime in seconds.</summary>
    public long Duration { get; init; }
}

/// <summary>Password sign-in options.</summary>
public sealed record PasswordAuthOptions
{
    /// <summary>Enabled.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Fields an identity is looked up in; each needs a unique index.</summary>
    public IReadOnlyList<string> IdentityFields { get; init; } = ["email"];
}

/// <summary>New-device login alert options.</summary>
public sealed record AuthAlertOptions
{
    /// <summary>Enabled.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The alert mail.</summary>
    public EmailTemplate EmailTemplate { get; init; } = EmailTemplate.LoginAlert;
}

/// <summary>Multi-factor options.</summary>
public sealed record MfaOptions
{
    /// <summary>Enabled.</summary>
    public bool Enabled { get; init; }

    /// <summary>How long (seconds) the first factor stays valid.</summary>
    public long Duration { get; init; } = 600;

    /// <summary>Which records need MFA; "" means all.</summary>
    public string Rule { get; init; } = "";
}

/// <summary>One-time-password options.</summary>
public sealed record OtpOptions
{
    /// <summary>Enabled.</summary>
    public bool Enabled { get; init; }

    /// <summary>Lifetime in seconds.</summary>
    public long Duration { get; init; } = 180;

    /// <summary>Digits in a code.</summary>
    public int Length { get; init; } = 8;

    /// <summary>The OTP mail.</summary>
    public EmailTemplate EmailTemplate { get; init; } = EmailTemplate.Otp;
}

/// <summary>OAuth2 options, declared in PocketBase's JSON key order (providers, mappedFields, enabled).</summary>
public sealed record OAuth2Options
{
    /// <summary>Configured providers; each one's clientSecret is write-only.</summary>
    public IReadOnlyList<System.Text.Json.Nodes.JsonObject> Providers { get; init; } = [];

    /// <summary>Provider fields copied onto the record.</summary>
    public IReadOnlyDictionary<string, string> MappedFields { get; init; } =
        new Dictionary<string, string> { ["id"] = "", ["name"] = "", ["username"] = "", ["avatarURL"] = "" };

    /// <summary>Enabled.</summary>
    public bool Enabled { get; init; }
}
