namespace SharpBase.Core.Errors;

/// <summary>
/// A failure the caller caused, with the status PocketBase answers for it. Its message is safe to show;
/// <see cref="Errors"/> holds only validation details, never internals.
/// </summary>
public class ApiException : Exception
{
    /// <summary>Creates the error.</summary>
    public ApiException(int status, string message, ValidationErrors? errors = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        Errors = errors ?? new ValidationErrors();
    }

    /// <summary>The HTTP-style status (400, 401, 403, 404, 413, 429).</summary>
    public int Status { get; }

    /// <summary>Per-field details; empty unless this is a validation failure.</summary>
    public ValidationErrors Errors { get; }

    /// <summary>The envelope's <c>data</c>: the validation errors, or a shape of the error's own (batch failures).</summary>
    public virtual object Payload => Errors.ToData();
}

/// <summary>400: the input is invalid.</summary>
public sealed class BadRequestException(string message, ValidationErrors? errors = null)
    : ApiException(400, message, errors);

/// <summary>401: the route needs an authenticated caller.</summary>
public sealed class UnauthorizedException(string message = "The request requires valid record authorization token.")
    : ApiException(401, message);

/// <summary>403: the caller is known but not allowed.</summary>
public sealed class ForbiddenException(string message = "You are not allowed to perform this request.")
    : ApiException(403, message);

/// <summary>404: nothing there, or nothing the caller may see.</summary>
public sealed class NotFoundException(string message = "The requested resource wasn't found.")
    : ApiException(404, message);
