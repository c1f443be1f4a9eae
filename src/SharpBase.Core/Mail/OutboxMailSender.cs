using System.Globalization;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace SharpBase.Core.Mail;

/// <summary>
/// The development mail sink used while SMTP is not enabled: each mail is written as an <c>.eml</c> file (RFC 5322, readable
/// by any mail client) into <see cref="Directory"/>, and the first one logs a line saying where they go.
/// </summary>
public sealed class OutboxMailSender(string directory, TimeProvider time, Func<ILogger> logger) : IMailSender
{
    private int _announced;

    /// <summary>The outbox folder.</summary>
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <inheritdoc />
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        System.IO.Directory.CreateDirectory(Directory);
        var name = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture) + "-" +
                   Guid.NewGuid().ToString("N")[..12] + ".eml";
        var path = Path.Combine(Directory, name);
        var temp = path + ".tmp";
        await message.WriteToAsync(temp, cancellationToken);
        File.Move(temp, path);
        if (Interlocked.Exchange(ref _announced, 1) == 0)
        {
            MailLog.WritingToOutbox(logger(), Directory);
        }
    }
}
