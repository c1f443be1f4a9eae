using SharpBase.Core.Common;
using SharpBase.Core.Errors;

namespace SharpBase.Core.Settings;

/// <summary>Checks settings before they are saved, collecting every error.</summary>
internal static class SettingsValidator
{
    public static ValidationErrors Validate(AppSettings settings)
    {
        var errors = new ValidationErrors();
        var meta = errors.Nested("meta");
        if (settings.Meta.AppName.Trim().Length == 0)
        {
            meta.Add("appName", ValidationError.Required());
        }
        else if (settings.Meta.AppName.Length > 255)
        {
            meta.Add("appName", new ValidationError("validation_length_too_long", "The length must be no more than 255."));
        }

        if (!Uri.TryCreate(settings.Meta.AppURL, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            meta.Add("appURL", new ValidationError("validation_is_url", "Must be a valid URL."));
        }

        if (settings.Meta.SenderName.Length > 255)
        {
            meta.Add("senderName", new ValidationError("validation_length_too_long", "The length must be no more than 255."));
        }

        if (!EmailAddress.IsValid(settings.Meta.SenderAddress))
        {
            meta.Add("senderAddress", new ValidationError("validation_is_email", "Must be a valid email address."));
        }

        var batch = errors.Nested("batch");
        if (settings.Batch.MaxRequests < 0)
        {
            batch.Add("maxRequests", ValidationError.Invalid("Must be no less than 0."));
        }

        if (settings.Batch.Timeout < 0)
        {
            batch.Add("timeout", ValidationError.Invalid("Must be no less than 0."));
        }

        if (settings.Batch.MaxBodySize is < 0 or > BatchSettings.DefaultMaxBodySize * 8)
        {
            batch.Add("maxBodySize", ValidationError.Invalid("Must be between 0 and 1 GiB."));
        }

        var smtp = errors.Nested("smtp");
        if (settings.Smtp.Enabled && settings.Smtp.Host.Trim().Length == 0)
        {
            smtp.Add("host", ValidationError.Required());
        }

        if (settings.Smtp.Port is < 0 or > 65535 || (settings.Smtp.Enabled && settings.Smtp.Port == 0))
        {
            smtp.Add("port", ValidationError.Invalid("Must be between 1 and 65535."));
        }

        if (settings.Smtp.AuthMethod is not ("" or "PLAIN" or "LOGIN"))
        {
            smtp.Add("authMethod", new ValidationError("validation_in_invalid", "Must be a valid value."));
        }

        var cookies = settings.AuthCookies;
        if (cookies.SameSite is not ("Lax" or "Strict" or "None") || (cookies.SameSite == "None" && !cookies.Secure))
        {
            errors.Nested("authCookies").Add("sameSite", new ValidationError("validation_in_invalid", "Must be Lax, Strict, or None with secure."));
        }

        return errors;
    }
}
