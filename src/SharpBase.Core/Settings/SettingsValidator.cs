using SharpBase.Core.Errors;
using static SharpBase.Core.Settings.SettingsChecks;

namespace SharpBase.Core.Settings;

/// <summary>
/// Checks settings before they are saved, collecting every error, with the rules of PocketBase's core/settings_model.go
/// (its <c>Validate</c> methods): a key reports its first failing check.
/// </summary>
internal static partial class SettingsValidator
{
    public static ValidationErrors Validate(AppSettings settings)
    {
        var errors = new ValidationErrors();
        Each(errors, "superuserIPs", settings.SuperuserIPs, IpOrSubnet);
        ValidateMeta(errors.Nested("meta"), settings.Meta);
        errors.Nested("logs").Check("maxDays", Min(settings.Logs.MaxDays, 0));
        ValidateSmtp(errors.Nested("smtp"), settings.Smtp);
        ValidateS3(errors.Nested("s3"), settings.S3);
        ValidateBackups(errors.Nested("backups"), settings.Backups);
        ValidateBatch(errors.Nested("batch"), settings.Batch);
        ValidateRateLimits(errors.Nested("rateLimits"), settings.RateLimits);

        var cookies = settings.AuthCookies;
        if (cookies.SameSite is not ("Lax" or "Strict" or "None") || (cookies.SameSite == "None" && !cookies.Secure))
        {
            errors.Nested("authCookies").Add("sameSite", new ValidationError("validation_in_invalid", "Must be Lax, Strict, or None with secure."));
        }

        return errors;
    }

    private static void ValidateMeta(ValidationErrors errors, MetaSettings meta)
    {
        errors.Check("accentColor", Length(meta.AccentColor ?? "", 7, 7), HexColor(meta.AccentColor ?? ""));
        errors.Check("appName", Required(meta.AppName), Length(meta.AppName ?? "", 1, 255));
        errors.Check("appURL", Required(meta.AppURL), Url(meta.AppURL ?? ""));
        errors.Check("senderName", Required(meta.SenderName), Length(meta.SenderName ?? "", 1, 255));
        errors.Check("senderAddress", Email(meta.SenderAddress ?? ""), Required(meta.SenderAddress));
    }

    private static void ValidateSmtp(ValidationErrors errors, SmtpSettings smtp)
    {
        errors.Check("host", smtp.Enabled ? Required(smtp.Host) : null, Host(smtp.Host ?? ""));
        errors.Check("port", smtp.Enabled ? Required(smtp.Port) : null, Min(smtp.Port, 0), Max(smtp.Port, 65535));
        errors.Check("authMethod", In(smtp.AuthMethod ?? "", "LOGIN", "PLAIN"));
        errors.Check("localName", Host(smtp.LocalName ?? ""));
    }

    private static void ValidateBatch(ValidationErrors errors, BatchSettings batch)
    {
        errors.Check("maxRequests", batch.Enabled ? Required(batch.MaxRequests) : null, Min(batch.MaxRequests, 0));
        errors.Check("timeout", batch.Enabled ? Required(batch.Timeout) : null, Min(batch.Timeout, 0));

        // SharpBase's own ceiling (PocketBase has none): a batch body is read before it runs.
        errors.Check("maxBodySize", Min(batch.MaxBodySize, 0), Max(batch.MaxBodySize, BatchSettings.DefaultMaxBodySize * 8));
    }
}
