using SharpBase.Core.Common;
using SharpBase.Core.Schema.Fields;

namespace SharpBase.Core.Schema;

/// <summary>The fields every collection of a type has, with PocketBase's options and ids.</summary>
public static class SystemFields
{
    /// <summary>The <c>id</c> field: 15 characters of [a-z0-9], generated when missing.</summary>
    public static TextField Id() => new()
    {
        Id = Ids.FieldId("text", "id"), Name = "id", System = true, PrimaryKey = true, Required = true,
        Min = Ids.RecordIdLength, Max = Ids.RecordIdLength, Pattern = "^[a-z0-9]+$",
        AutogeneratePattern = "[a-z0-9]{" + Ids.RecordIdLength + "}",
    };

    /// <summary>The auth collections' system fields, in PocketBase's order, after <c>id</c>.</summary>
    public static Field[] Auth() =>
    [
        new PasswordField { Id = Ids.FieldId("password", "password"), Name = "password", System = true, Hidden = true, Required = true, Min = 8 },
        new TextField
        {
            Id = Ids.FieldId("text", "tokenKey"), Name = "tokenKey", System = true, Hidden = true, Required = true,
            Min = 30, Max = 60, AutogeneratePattern = "[a-zA-Z0-9]{50}",
        },
        new EmailField { Id = Ids.FieldId("email", "email"), Name = "email", System = true, Required = true },
        new BoolField { Id = Ids.FieldId("bool", "emailVisibility"), Name = "emailVisibility", System = true },
        new BoolField { Id = Ids.FieldId("bool", "verified"), Name = "verified", System = true },
    ];

    /// <summary>The <c>created</c> and <c>updated</c> autodate fields that new collections get.</summary>
    public static Field[] Timestamps(bool system) =>
    [
        new AutodateField { Id = Ids.FieldId("autodate", "created"), Name = "created", System = system, OnCreate = true },
        new AutodateField { Id = Ids.FieldId("autodate", "updated"), Name = "updated", System = system, OnCreate = true, OnUpdate = true },
    ];

    /// <summary>
    /// A client's version of <paramref name="system"/> with the options PocketBase enforces: <c>id</c> is a required, visible
    /// primary key (with the default pattern when it has none), <c>password</c> hidden and required, <c>email</c> visible
    /// (its visibility is per record). <c>tokenKey</c> is reset to its definition: PocketBase enforces only its flags, but
    /// SharpBase generates token keys from its autogenerate pattern, so a client's pattern or lengths could break sign-in.
    /// </summary>
    public static Field Enforce(Field existing, Field system)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(system);
        Field enforced = existing switch
        {
            _ when system.Name == "tokenKey" => system,
            TextField id when system.Name == "id" => id with
            {
                Required = true, PrimaryKey = true, Hidden = false, Pattern = id.Pattern.Length > 0 ? id.Pattern : TextField.DefaultIdPattern,
            },
            PasswordField password => password with { Hidden = true, Required = true },
            EmailField email => email with { Hidden = false },
            _ => existing,
        };
        return enforced with { System = true, Id = system.Id };
    }

    /// <summary>The system fields a collection of <paramref name="type"/> must have.</summary>
    public static Field[] For(CollectionType type) => type switch
    {
        CollectionType.Auth => [Id(), .. Auth()],
        CollectionType.Base => [Id()],
        _ => [],
    };

    /// <summary>
    /// The indexes an auth collection needs, by the column each covers: unique token keys and unique non-empty emails.
    /// The email index is case-insensitive, unlike PocketBase's default, so <c>A@x.test</c> and <c>a@x.test</c> cannot be two
    /// accounts; a collection that brings its own unique email index keeps it as written.
    /// </summary>
    public static (string Column, string Index)[] AuthIndexes(string collectionId, string collectionName) =>
    [
        ("tokenKey", $"CREATE UNIQUE INDEX `idx_tokenKey_{collectionId}` ON `{collectionName}` (`tokenKey`)"),
        ("email", $"CREATE UNIQUE INDEX `idx_email_{collectionId}` ON `{collectionName}` (`email` COLLATE NOCASE) WHERE `email` != ''"),
    ];
}
