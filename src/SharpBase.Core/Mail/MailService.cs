using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;
using SharpBase.Core.Settings;

namespace SharpBase.Core.Mail;

/// <summary>
/// Builds and sends the application's mails: through SMTP when <c>settings.smtp.enabled</c>, otherwise into
/// <c>&lt;dataDir&gt;/outbox/</c>. <see cref="Enqueue"/> runs mail work in the background (one worker, bounded queue), so a
/// request does not wait for, or reveal by its timing, whether a mail was sent.
/// </summary>
public sealed partial class MailService : IAsyncDisposable
{
    private readonly SettingsService _settings;
    private readonly OutboxMailSender _outbox;
    private readonly Channel<Func<CancellationToken, Task>> _queue =
        Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(10_000) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _worker;

    /// <summary>Creates the service; outbox mails go to <c>outbox</c> under <paramref name="dataDirectory"/>.</summary>
    public MailService(SettingsService settings, string dataDirectory, TimeProvider time, ILogger<MailService>? logger = null)
    {
        _settings = settings;
        Logger = logger ?? (ILogger)NullLogger.Instance;
        _outbox = new OutboxMailSender(Path.Combine(dataDirectory, "outbox"), time, () => Logger);
        _worker = Task.Run(RunAsync);
    }

    /// <summary>Where mails are logged about (never their content).</summary>
    public ILogger Logger { get; }

    /// <summary>Replaces the delivery (tests); null picks SMTP or the outbox from the settings.</summary>
    public IMailSender? Sender { get; set; }

    /// <summary>The outbox folder used while SMTP is disabled.</summary>
    public string OutboxDirectory => _outbox.Directory;

    /// <summary>Builds <paramref name="mail"/> with the sender from <c>settings.meta</c> and delivers it now.</summary>
    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var settings = _settings.Current;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.Meta.SenderName, settings.Meta.SenderAddress));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Body = new BodyBuilder { HtmlBody = mail.HtmlBody, TextBody = ToText(mail.HtmlBody) }.ToMessageBody();
        var sender = Sender ?? (settings.Smtp.Enabled ? new SmtpMailSender(settings.Smtp) : _outbox);
        return sender.SendAsync(message, cancellationToken);
    }

    /// <summary>Queues mail work to run in the background; failures are logged, never thrown to the caller.</summary>
    public void Enqueue(Func<CancellationToken, Task> work)
    {
        if (!_queue.Writer.TryWrite(work))
        {
            MailLog.QueueFull(Logger);
        }
    }

    /// <summary>Fills <c>{APP_NAME}</c>, <c>{APP_URL}</c> and the given placeholders (HTML-encoded in the body).</summary>
    public (string Subject, string Body) Render(Schema.EmailTemplate template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var meta = _settings.Current.Meta;
        var all = new Dictionary<string, string>(values, StringComparer.Ordinal) { ["{APP_NAME}"] = meta.AppName, ["{APP_URL}"] = meta.AppURL.TrimEnd('/') };
        var subject = template.Subject;
        var body = template.Body;
        foreach (var (key, value) in all)
        {
            subject = subject.Replace(key, value, StringComparison.Ordinal);
            body = body.Replace(key, WebUtility.HtmlEncode(value), StringComparison.Ordinal);
        }

        return (subject, body);
    }

    /// <summary>Stops taking work and waits (up to 10 s) for queued mails to go out.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "VSTHRD003:Avoid awaiting foreign Tasks", Justification = "The worker task is owned by this instance.")]
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (await Task.WhenAny(_worker, Task.Delay(TimeSpan.FromSeconds(10))) != _worker)
        {
            await _stopping.CancelAsync();
        }

        await _worker;
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        await foreach (var work in _queue.Reader.ReadAllAsync())
        {
            try
            {
                await work(_stopping.Token);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                MailLog.BackgroundFailed(Logger, exception);
            }
        }
    }

    private static string ToText(string html) => WebUtility.HtmlDecode(Tags().Replace(html, "")).Trim();

    [GeneratedRegex("<[^>]*>", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Tags();
}
