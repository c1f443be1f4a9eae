using SharpBase.Core.Errors;

namespace SharpBase.Core.Query.Sql;

/// <summary>
/// The errors a filter or sort can raise, in PocketBase's wording. PocketBase answers every resolution failure (unknown
/// or hidden field, bad modifier, invalid sort field, limits) with its generic 400 message and <c>data: {}</c>; the
/// reason is only logged there, so it is not part of the message here either.
/// </summary>
public static class FilterErrors
{
    /// <summary>PocketBase's generic 400 message.</summary>
    public const string GenericMessage = "Something went wrong while processing your request.";

    /// <summary>The 403 for <c>@collection.</c>/<c>@request.</c> in a non-superuser's filter or sort.</summary>
    public static ForbiddenException SuperuserOnly(string prefix) => new("Only superusers can filter by " + prefix);

    /// <summary>A 400 for an expression that cannot be resolved; <paramref name="reason"/> is for logs and tests only.</summary>
    internal static BadRequestException Invalid(string reason)
    {
        var exception = new BadRequestException(GenericMessage);
        exception.Data["reason"] = reason;
        return exception;
    }
}
