namespace SharpBase.Core.Schema;

/// <summary>A mail subject and HTML body with <c>{APP_NAME}</c>, <c>{APP_URL}</c>, <c>{TOKEN}</c>-style placeholders.</summary>
public sealed record EmailTemplate(string Subject, string Body)
{
    /// <summary>The default verification mail.</summary>
    public static readonly EmailTemplate Verification = new("Verify your {APP_NAME} email",
        "<p>Hello,</p>\n<p>Thank you for joining us at {APP_NAME}.</p>\n<p>Click on the button below to verify your email address.</p>\n<p>\n  <a class=\"btn\" href=\"{APP_URL}/_/#/auth/confirm-verification/{TOKEN}\" target=\"_blank\" rel=\"noopener\">Verify</a>\n</p>\n<p>\n  Thanks,<br/>\n  {APP_NAME} team\n</p>");

    /// <summary>The default password reset mail.</summary>
    public static readonly EmailTemplate ResetPassword = new("Reset your {APP_NAME} password",
        "<p>Hello,</p>\n<p>Click on the button below to reset your password.</p>\n<p>\n  <a class=\"btn\" href=\"{APP_URL}/_/#/auth/confirm-password-reset/{TOKEN}\" target=\"_blank\" rel=\"noopener\">Reset password</a>\n</p>\n<p><i>If you didn't ask to reset your password, you can ignore this email.</i></p>\n<p>\n  Thanks,<br/>\n  {APP_NAME} team\n</p>");

    /// <summary>The default email change mail.</summary>
    public static readonly EmailTemplate ConfirmEmailChange = new("Confirm your {APP_NAME} new email address",
        "<p>Hello,</p>\n<p>Click on the button below to confirm your new email address.</p>\n<p>\n  <a class=\"btn\" href=\"{APP_URL}/_/#/auth/confirm-email-change/{TOKEN}\" target=\"_blank\" rel=\"noopener\">Confirm new email</a>\n</p>\n<p><i>If you didn't ask to change your email address, you can ignore this email.</i></p>\n<p>\n  Thanks,<br/>\n  {APP_NAME} team\n</p>");

    /// <summary>
    /// The default notice to the old address after an email change. It names neither the new address (the old mailbox may
    /// have a new owner by now) nor any link, and no template gets a <c>{TOKEN}</c> for it.
    /// </summary>
    public static readonly EmailTemplate EmailChangeNotice = new("Your {APP_NAME} email address was changed",
        "<p>Hello,</p>\n<p>The email address of your {APP_NAME} account was changed from this address to a new one. This address can no longer be used to sign in.</p>\n<p><i>If you made this change, you can ignore this email. If you didn't, someone else may have access to your account: contact the {APP_NAME} team right away.</i></p>\n<p>\n  Thanks,<br/>\n  {APP_NAME} team\n</p>");

    /// <summary>The default one-time-password mail.</summary>
    public static readonly EmailTemplate Otp = new("OTP for {APP_NAME}",
        "<p>Hello,</p>\n<p>Your one-time password is: <strong>{OTP}</strong></p>\n<p><i>If you didn't ask for the one-time password, you can ignore this email.</i></p>\n<p>\n  Thanks,<br/>\n  {APP_NAME} team\n</p>");

    /// <summary>The default new-device login alert.</summary>
    public static readonly EmailTemplate LoginAlert = new("Login from a new location",
        "<p>Hello,</p>\n<p>We noticed a login to your {APP_NAME} account from a new location.</p>\n<p><i>If this wasn't you, you should immediately change your {APP_NAME} account password to revoke access from all other locations.</i></p>\n<p>\n  Thanks,<br/>\n  {APP_NAME} team\n</p>");
}
