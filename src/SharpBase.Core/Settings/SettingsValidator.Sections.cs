using System.Globalization;
using System.Text.RegularExpressions;
using SharpBase.Core.Errors;
using static SharpBase.Core.Settings.SettingsChecks;

namespace SharpBase.Core.Settings;

/// <summary>The checks of the sections SharpBase stores before their features exist: S3, backups and rate limits.</summary>
internal static partial class SettingsValidator
{
    private static void ValidateS3(ValidationErrors errors, S3Settings s3)
    {
        errors.Check("endpoint", Url(s3.Endpoint ?? ""), s3.Enabled ? Required(s3.Endpoint) : null);
        if (s3.Enabled)
        {
            errors.Check("bucket", Required(s3.Bucket));
            errors.Check("region", Required(s3.Region));
            errors.Check("accessKey", Required(s3.AccessKey));
            errors.Check("secret", Required(s3.Secret));
        }
    }

    private static void ValidateBackups(ValidationErrors errors, BackupsSettings backups)
    {
        ValidateS3(errors.Nested("s3"), backups.S3);
        var cron = backups.Cron ?? "";
        if (cron.Length > 0 && CronExpression.Problem(cron) is { } problem)
        {
            errors.Add("cron", new ValidationError("validation_invalid_cron", problem));
        }

        errors.Check("cronMaxKeep", cron.Length > 0 ? Required(backups.CronMaxKeep) : null, Min(backups.CronMaxKeep, 1));
    }

    private static void ValidateRateLimits(ValidationErrors errors, RateLimitsSettings limits)
    {
        var rules = limits.Rules.Select(r => r ?? new RateLimitRule()).ToList();
        if (limits.Enabled && rules.Count == 0)
        {
            errors.Add("rules", ValidationError.Required());
        }
        else if (FirstConflict(rules) is { } conflict)
        {
            errors.Nested("rules").Nested(Key(conflict)).Add("label", new ValidationError("validation_conflicting_rate_limit_rule",
                $"Rate limit rule configuration with label {rules[conflict].Label} already exists or conflicts with another rule.",
                new Dictionary<string, object?>(StringComparer.Ordinal) { ["label"] = rules[conflict].Label }));
        }
        else
        {
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i];
                var ruleErrors = errors.Nested("rules").Nested(Key(i));
                ruleErrors.Check("label", Required(rule.Label), Match(rule.Label ?? "", RateLimitLabel()));
                ruleErrors.Check("maxRequests", Required(rule.MaxRequests), Min(rule.MaxRequests, 1));
                ruleErrors.Check("duration", Required(rule.Duration), Min(rule.Duration, 1));
                ruleErrors.Check("audience", In(rule.Audience ?? "", "@guest", "@auth"));
            }
        }

        Each(errors, "excludedIPs", limits.ExcludedIPs, IpOrSubnet);
    }

    /// <summary>The first rule whose label and audience are a prefix of an earlier one's, or the other way round.</summary>
    private static int? FirstConflict(List<RateLimitRule> rules)
    {
        var seen = new List<string>();
        for (var i = 0; i < rules.Count; i++)
        {
            var key = rules[i].Label + "@@" + rules[i].Audience;
            if (seen.Any(s => s.StartsWith(key, StringComparison.Ordinal) || key.StartsWith(s, StringComparison.Ordinal)))
            {
                return i;
            }

            seen.Add(key);
        }

        return null;
    }

    private static string Key(int index) => index.ToString(CultureInfo.InvariantCulture);

    /// <summary>PocketBase's label pattern: <c>tag</c>, <c>coll:action</c>, <c>*:action</c>, <c>/path</c> or <c>METHOD /path</c> (Go's <c>\w</c> is ASCII).</summary>
    [GeneratedRegex(@"^([0-9A-Za-z_]+ /[0-9A-Za-z_/-]*|/[0-9A-Za-z_/-]*|[0-9A-Za-z_]+:[0-9A-Za-z_]+|\*:[0-9A-Za-z_]+|[0-9A-Za-z_]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex RateLimitLabel();
}
