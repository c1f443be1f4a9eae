using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using SharpBase.Core.Settings;

namespace SharpBase.Core.Mail;

/// <summary>Sends through the SMTP server of <see cref="SmtpSettings"/> with MailKit: implicit TLS or opportunistic STARTTLS.</summary>
public sealed class SmtpMailSender(SmtpSettings settings) : IMailSender
{
    /// <inheritdoc />
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        if (settings.LocalName.Length > 0)
        {
            client.LocalDomain = settings.LocalName;
        }

        var security = settings.Tls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(settings.Host, settings.Port, security, cancellationToken);
        if (settings.Username.Length > 0)
        {
            var credentials = new System.Net.NetworkCredential(settings.Username, settings.Password);
            SaslMechanism mechanism = settings.AuthMethod == "LOGIN" ? new SaslMechanismLogin(credentials) : new SaslMechanismPlain(credentials);
            await client.AuthenticateAsync(mechanism, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
