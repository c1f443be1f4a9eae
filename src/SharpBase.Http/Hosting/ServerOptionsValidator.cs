namespace SharpBase.Http.Hosting;

/// <summary>Checks <see cref="ServerOptions"/> at start, with one line a user can act on.</summary>
internal static class ServerOptionsValidator
{
    /// <summary>The first problem, or null.</summary>
    public static string? Problem(ServerOptions options)
    {
        if (options.MaxBodySize <= 0)
        {
            return "MaxBodySize must be a positive number of bytes";
        }

        if (options.CorsOrigins.Any(string.IsNullOrWhiteSpace))
        {
            return "CorsOrigins must not contain a blank origin";
        }

        return null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> with the first problem.</summary>
    public static void ThrowIfInvalid(ServerOptions options)
    {
        if (Problem(options) is { } problem)
        {
            throw new ArgumentException(problem);
        }
    }
}
