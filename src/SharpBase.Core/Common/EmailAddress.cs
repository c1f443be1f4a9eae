using System.Net.Mail;

namespace SharpBase.Core.Common;

/// <summary>The email address check used by email fields and settings.</summary>
public static class EmailAddress
{
    /// <summary>True for a plain <c>local@domain</c> address with no display name.</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 254 || value.Trim() != value)
        {
            return false;
        }

        return MailAddress.TryCreate(value, out var parsed) && parsed.Address == value && parsed.DisplayName.Length == 0 &&
               value.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && value.LastIndexOf('.') > at;
    }
}
