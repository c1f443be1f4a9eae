using SharpBase.Core.Schema.Fields;

namespace SharpBase.Core.Schema;

/// <summary>The collections a new database starts with, as PocketBase creates them.</summary>
public static partial class SystemCollections
{
    /// <summary>The superusers collection name.</summary>
    public const string SuperusersName = "_superusers";

    /// <summary>The superusers collection id (the SDK's isSuperuser falls back to checking it).</summary>
    public const string SuperusersId = "pbc_3142635823";

    /// <summary>The default users collection id.</summary>
    public const string UsersId = "_pb_users_auth_";

    /// <summary>The <c>_superusers</c> auth collection (unnormalized: the normalizer adds fields, secrets and indexes).</summary>
    public static Collection Superusers() => new()
    {
        Id = SuperusersId,
        Name = SuperusersName,
        Type = CollectionType.Auth,
        System = true,
        Fields = [.. SystemFields.For(CollectionType.Auth), .. SystemFields.Timestamps(system: true)],
        Auth = new AuthOptions { AuthToken = new TokenOptions { Duration = 86400 }, AuthAlert = new AuthAlertOptions() },
    };

    /// <summary>The default <c>users</c> auth collection with owner-only rules.</summary>
    public static Collection Users() => new()
    {
        Id = UsersId,
        Name = "users",
        Type = CollectionType.Auth,
        ListRule = "id = @request.auth.id",
        ViewRule = "id = @request.auth.id",
        CreateRule = "",
        UpdateRule = "id = @request.auth.id",
        DeleteRule = "id = @request.auth.id",
        Fields =
        [
            .. SystemFields.For(CollectionType.Auth),
            new TextField { Id = "text1579384326", Name = "name", Max = 255 },
            new FileField
            {
                Id = "file376926767", Name = "avatar", MaxSelect = 1, MimeTypes = ["image/jpeg", "image/png", "image/svg+xml", "image/gif", "image/webp"],
            },
            .. SystemFields.Timestamps(system: false),
        ],
        Auth = new AuthOptions
        {
            OAuth2 = new OAuth2Options
            {
                MappedFields = new Dictionary<string, string> { ["id"] = "", ["name"] = "name", ["username"] = "", ["avatarURL"] = "avatar" },
            },
        },
    };
}
