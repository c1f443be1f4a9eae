namespace SharpBase.Core.Mail;

/// <summary>One mail to send: a recipient, a subject and an HTML body (a plain-text part is derived from it).</summary>
/// <param name="To">The recipient address.</param>
/// <param name="Subject">The subject line.</param>
/// <param name="HtmlBody">The HTML body.</param>
public sealed record OutgoingMail(string To, string Subject, string HtmlBody);

/// <summary>Delivers built MIME messages: over SMTP, or into the outbox folder.</summary>
public interface IMailSender
{
    /// <summary>Delivers <paramref name="message"/>; throws when delivery fails.</summary>
    public Task SendAsync(MimeKit.MimeMessage message, CancellationToken cancellationToken);
}
