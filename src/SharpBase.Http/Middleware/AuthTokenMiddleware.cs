using Microsoft.AspNetCore.Http;
using SharpBase.Core.Auth;

namespace SharpBase.Http.Middleware;

/// <summary>Resolves the <c>Authorization</c> header into an <see cref="AuthContext"/> once per request; a bad token means a guest.</summary>
public sealed class AuthTokenMiddleware(RequestDelegate next, AuthService auth)
{
    /// <summary>Sets the caller, then runs the rest of the pipeline.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var caller = header.Length == 0 ? AuthContext.Guest : await auth.AuthenticateAsync(header, context.RequestAborted);
        context.Features.Set(caller);
        await next(context);
    }
}

/// <summary>Access to the caller from endpoints.</summary>
public static class AuthContextExtensions
{
    /// <summary>The caller of this request (a guest when no valid token was sent).</summary>
    public static AuthContext Caller(this HttpContext context) => context.Features.Get<AuthContext>() ?? AuthContext.Guest;

    /// <summary>Throws 401 for guests and 403 for non-superusers.</summary>
    public static void RequireSuperuser(this HttpContext context)
    {
        var caller = context.Caller();
        if (caller.IsGuest)
        {
            throw new Core.Errors.UnauthorizedException();
        }

        if (!caller.IsSuperuser)
        {
            throw new Core.Errors.ForbiddenException("The authorized record is not allowed to perform this action.");
        }
    }
}
