using Microsoft.Extensions.Logging;

namespace SharpBase.Core.Mail;

/// <summary>Mail log messages (event ids 1200–1299). Never with a mail body, token or SMTP password.</summary>
internal static partial class MailLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information,
        Message = "SMTP is not enabled: mails are written as .eml files to {Folder}")]
    public static partial void WritingToOutbox(ILogger logger, string folder);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Error, Message = "A background mail job failed")]
    public static partial void BackgroundFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "The mail queue is full; a mail was dropped")]
    public static partial void QueueFull(ILogger logger);
}
