using SharpBase.Core.Common;
using SharpBase.Core.Schema.Fields;

namespace SharpBase.Core.Schema;

/// <summary>
/// The base collections PocketBase keeps beside the auth collections (its <c>1640988000_init</c> migration): MFA sessions,
/// one-time passwords, linked OAuth2 accounts and known sign-in origins. Each row points at an auth record by
/// <c>collectionRef</c> + <c>recordRef</c>; only the owner may list and view them (and delete the last two).
/// </summary>
public static partial class SystemCollections
{
    /// <summary>The MFA sessions collection name.</summary>
    public const string MfasName = "_mfas";

    /// <summary>The one-time passwords collection name.</summary>
    public const string OtpsName = "_otps";

    /// <summary>The linked OAuth2 accounts collection name.</summary>
    public const string ExternalAuthsName = "_externalAuths";

    /// <summary>The sign-in origins collection name.</summary>
    public const string AuthOriginsName = "_authOrigins";

    /// <summary>The <c>_mfas</c> id, PocketBase's <c>pbc_</c> + CRC-32 of type and name.</summary>
    public static readonly string MfasId = Ids.CollectionId("base", MfasName);

    /// <summary>The <c>_otps</c> id.</summary>
    public static readonly string OtpsId = Ids.CollectionId("base", OtpsName);

    /// <summary>The <c>_externalAuths</c> id.</summary>
    public static readonly string ExternalAuthsId = Ids.CollectionId("base", ExternalAuthsName);

    /// <summary>The <c>_authOrigins</c> id.</summary>
    public static readonly string AuthOriginsId = Ids.CollectionId("base", AuthOriginsName);

    /// <summary>The names of the four auxiliary collections, whose rows point at an auth record.</summary>
    public static IReadOnlyList<string> AuxiliaryNames { get; } = [MfasName, OtpsName, ExternalAuthsName, AuthOriginsName];

    /// <summary>Their ids (declared after the ids above, which initialize first).</summary>
    public static IReadOnlyList<string> AuxiliaryIds { get; } = [MfasId, OtpsId, ExternalAuthsId, AuthOriginsId];

    private const string OwnerRule = "@request.auth.id != '' && recordRef = @request.auth.id && collectionRef = @request.auth.collectionId";

    /// <summary>The four auxiliary collections, in the order PocketBase creates them.</summary>
    public static Collection[] Auxiliary() => [Mfas(), Otps(), ExternalAuths(), AuthOrigins()];

    /// <summary><c>_mfas</c>: a first factor passed, waiting for a second, different one.</summary>
    public static Collection Mfas() => Auxiliary(MfasName, deletable: false,
        [Text("collectionRef"), Text("recordRef"), Text("method")],
        $"CREATE INDEX `idx_mfas_collectionRef_recordRef` ON `{MfasName}` (collectionRef,recordRef)");

    /// <summary><c>_otps</c>: one-time passwords sent to a record (stored hashed).</summary>
    public static Collection Otps() => Auxiliary(OtpsName, deletable: false,
        [
            Text("collectionRef"), Text("recordRef"),
            new PasswordField { Id = Ids.FieldId("password", "password"), Name = "password", System = true, Hidden = true, Required = true, Cost = 8 },
            new TextField { Id = Ids.FieldId("text", "sentTo"), Name = "sentTo", System = true, Hidden = true },
        ],
        $"CREATE INDEX `idx_otps_collectionRef_recordRef` ON `{OtpsName}` (collectionRef, recordRef)");

    /// <summary><c>_externalAuths</c>: OAuth2 accounts linked to a record.</summary>
    public static Collection ExternalAuths() => Auxiliary(ExternalAuthsName, deletable: true,
        [Text("collectionRef"), Text("recordRef"), Text("provider"), Text("providerId")],
        $"CREATE UNIQUE INDEX `idx_externalAuths_record_provider` ON `{ExternalAuthsName}` (collectionRef, recordRef, provider)",
        $"CREATE UNIQUE INDEX `idx_externalAuths_collection_provider` ON `{ExternalAuthsName}` (collectionRef, provider, providerId)");

    /// <summary><c>_authOrigins</c>: the devices (fingerprints) a record has signed in from.</summary>
    public static Collection AuthOrigins() => Auxiliary(AuthOriginsName, deletable: true,
        [Text("collectionRef"), Text("recordRef"), Text("fingerprint")],
        $"CREATE UNIQUE INDEX `idx_authOrigins_unique_pairs` ON `{AuthOriginsName}` (collectionRef, recordRef, fingerprint)");

    private static Collection Auxiliary(string name, bool deletable, Field[] fields, params string[] indexes) => new()
    {
        Id = Ids.CollectionId("base", name),
        Name = name,
        Type = CollectionType.Base,
        System = true,
        ListRule = OwnerRule,
        ViewRule = OwnerRule,
        DeleteRule = deletable ? OwnerRule : null,
        Fields = [SystemFields.Id(), .. fields, .. SystemFields.Timestamps(system: true)],
        Indexes = indexes,
    };

    private static TextField Text(string name) => new() { Id = Ids.FieldId("text", name), Name = name, System = true, Required = true };
}
