using Microsoft.Data.Sqlite;

namespace SharpBase.Http.Tests.Import;

/// <summary>
/// Builds a PocketBase 0.23+ data folder (<c>data.db</c>, <c>auxiliary.db</c>, <c>storage/</c>) in PocketBase's format:
/// its <c>_collections</c> layout (fields, options and indexes as JSON text), <c>_params</c>, record tables with its
/// column types and defaults, bcrypt password hashes, and an SQL view for the view collection.
/// </summary>
public static class PocketBaseFixture
{
    public const string AliceId = "alice0000000001";
    public const string BobId = "bob000000000002";
    public const string AlicePassword = "alice password 1";
    public const string AliceTokenKey = "aliceTokenKey0123456789abcdefghijklmnopqrstuvwxyzA";
    public const string AdminEmail = "admin@example.test";
    public const string AdminPassword = "admin password 1";
    public const string PublishedPostId = "post00000000001";
    public const string DraftPostId = "post00000000002";
    public const string PostsId = "pbc_1125843985";

    /// <summary>Creates the folder under <paramref name="parent"/> and returns its path (the <c>pb_data</c> folder).</summary>
    public static string Create(string parent)
    {
        var folder = Path.Combine(parent, "pb_data");
        Directory.CreateDirectory(Path.Combine(folder, "storage", PostsId, PublishedPostId));
        File.WriteAllText(Path.Combine(folder, "storage", PostsId, PublishedPostId, "cover_a1b2c3d4e5.png"), "not really a png");
        Execute(Path.Combine(folder, "data.db"), DataStatements());
        Execute(Path.Combine(folder, "auxiliary.db"),
        [
            "CREATE TABLE `_logs` (`created` TEXT DEFAULT '' NOT NULL, `data` JSON DEFAULT '{}' NOT NULL, `id` TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL, `level` INTEGER DEFAULT 0 NOT NULL, `message` TEXT DEFAULT '' NOT NULL, `updated` TEXT DEFAULT '' NOT NULL)",
            "INSERT INTO `_logs` (id, created, updated, message) VALUES ('log000000000001', '2024-01-02 03:04:05.678Z', '2024-01-02 03:04:05.678Z', 'GET /api/health'), ('log000000000002', '2024-01-02 03:04:06.678Z', '2024-01-02 03:04:06.678Z', 'GET /api/health')",
        ]);
        return folder;
    }

    /// <summary>Runs <paramref name="statements"/> against a new SQLite file at <paramref name="path"/>.</summary>
    public static void Execute(string path, IEnumerable<string> statements)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        foreach (var sql in statements)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
    }

    private static IEnumerable<string> DataStatements()
    {
        yield return """
            CREATE TABLE `_collections` (`id` TEXT PRIMARY KEY, `system` BOOLEAN DEFAULT FALSE NOT NULL, `type` TEXT DEFAULT "base" NOT NULL,
              `name` TEXT UNIQUE NOT NULL, "fields" JSON DEFAULT "[]" NOT NULL, `listRule` TEXT DEFAULT NULL, `viewRule` TEXT DEFAULT NULL,
              `createRule` TEXT DEFAULT NULL, `updateRule` TEXT DEFAULT NULL, `deleteRule` TEXT DEFAULT NULL, `options` JSON DEFAULT "{}" NOT NULL,
              `created` TEXT DEFAULT "" NOT NULL, `updated` TEXT DEFAULT "" NOT NULL, `indexes` JSON DEFAULT "[]" NOT NULL)
            """;
        yield return "CREATE TABLE `_params` (`created` TEXT DEFAULT '' NOT NULL, `id` TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL, `updated` TEXT DEFAULT '' NOT NULL, `value` JSON DEFAULT NULL)";
        yield return """INSERT INTO `_params` (id, created, updated, value) VALUES ('settings', '2024-01-01 00:00:00.000Z', '2024-01-01 00:00:00.000Z', '{"meta":{"appName":"Acme","appURL":"https://acme.test"},"smtp":{"enabled":false}}')""";

        yield return Collection("pbc_3142635823", "_superusers", "auth", system: true, SuperuserFields, null, null, null, null, null, AuthOptions(), SuperuserIndexes);
        yield return Collection("_pb_users_auth_", "users", "auth", system: false, UserFields,
            "id = @request.auth.id", "id = @request.auth.id", "", "id = @request.auth.id", "id = @request.auth.id", AuthOptions(),
            """["CREATE UNIQUE INDEX `idx_tokenKey__pb_users_auth_` ON `users` (`tokenKey`)", "CREATE UNIQUE INDEX `idx_email__pb_users_auth_` ON `users` (`email`) WHERE `email` != ''"]""");
        yield return Collection(PostsId, "posts", "base", system: false, PostFields,
            "published = true || owner = @request.auth.id", "published = true || owner = @request.auth.id", "@request.auth.id != ''", "owner = @request.auth.id", null, "{}",
            """["CREATE INDEX `idx_posts_title` ON `posts` (`title`)"]""");
        yield return Collection("pbc_3021871011", "published_posts", "view", system: false, ViewFields, "", "", null, null, null,
            """{"viewQuery":"SELECT id, title, views FROM posts WHERE published = TRUE"}""", "[]");
        foreach (var (name, id) in new[] { ("_externalAuths", "pbc_2281828961"), ("_mfas", "pbc_2279338944"), ("_otps", "pbc_1638494021"), ("_authOrigins", "pbc_4275539003") })
        {
            yield return Collection(id, name, "base", system: true, "[]", null, null, null, null, null, "{}", "[]");
            yield return $"CREATE TABLE `{name}` (`collectionRef` TEXT DEFAULT '' NOT NULL, `created` TEXT DEFAULT '' NOT NULL, `id` TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL, `recordRef` TEXT DEFAULT '' NOT NULL, `updated` TEXT DEFAULT '' NOT NULL)";
        }

        yield return $"INSERT INTO `_externalAuths` (id, collectionRef, recordRef, created, updated) VALUES ('ext000000000001', '_pb_users_auth_', '{AliceId}', '2024-01-02 03:04:05.678Z', '2024-01-02 03:04:05.678Z')";

        yield return "CREATE TABLE `_superusers` (`created` TEXT DEFAULT '' NOT NULL, `email` TEXT DEFAULT '' NOT NULL, `emailVisibility` BOOLEAN DEFAULT FALSE NOT NULL, `id` TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL, `password` TEXT DEFAULT '' NOT NULL, `tokenKey` TEXT DEFAULT '' NOT NULL, `updated` TEXT DEFAULT '' NOT NULL, `verified` BOOLEAN DEFAULT FALSE NOT NULL)";
        yield return $"INSERT INTO `_superusers` VALUES ('2023-05-06 07:08:09.123Z', '{AdminEmail}', 0, 'admin0000000001', '{Bcrypt(AdminPassword)}', 'adminTokenKey0123456789abcdefghijklmnopqrstuvwxyzAB', '2023-05-06 07:08:09.123Z', 1)";

        yield return "CREATE TABLE `users` (`avatar` TEXT DEFAULT '' NOT NULL, `created` TEXT DEFAULT '' NOT NULL, `email` TEXT DEFAULT '' NOT NULL, `emailVisibility` BOOLEAN DEFAULT FALSE NOT NULL, `id` TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL, `name` TEXT DEFAULT '' NOT NULL, `password` TEXT DEFAULT '' NOT NULL, `tokenKey` TEXT DEFAULT '' NOT NULL, `updated` TEXT DEFAULT '' NOT NULL, `verified` BOOLEAN DEFAULT FALSE NOT NULL)";
        yield return $"INSERT INTO `users` VALUES ('', '2024-01-02 03:04:05.678Z', 'alice@example.test', 1, '{AliceId}', 'Alice', '{Bcrypt(AlicePassword)}', '{AliceTokenKey}', '2024-02-03 04:05:06.789Z', 1)";
        yield return $"INSERT INTO `users` VALUES ('', '2024-01-03 03:04:05.678Z', 'bob@example.test', 0, '{BobId}', 'Bob', '{Bcrypt("bob password 12")}', 'bobTokenKey0123456789abcdefghijklmnopqrstuvwxyzABCD', '2024-01-03 03:04:05.678Z', 0)";

        yield return "CREATE TABLE `posts` (`authors` JSON DEFAULT '[]' NOT NULL, `cover` TEXT DEFAULT '' NOT NULL, `created` TEXT DEFAULT '' NOT NULL, `id` TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL, `meta` JSON DEFAULT NULL, `owner` TEXT DEFAULT '' NOT NULL, `published` BOOLEAN DEFAULT FALSE NOT NULL, `publishedAt` TEXT DEFAULT '' NOT NULL, `tags` JSON DEFAULT '[]' NOT NULL, `title` TEXT DEFAULT '' NOT NULL, `updated` TEXT DEFAULT '' NOT NULL, `views` NUMERIC DEFAULT 0 NOT NULL)";
        yield return "CREATE INDEX `idx_posts_title` ON `posts` (`title`)";
        yield return "INSERT INTO `posts` VALUES (" + string.Join(", ", Text($"[\"{AliceId}\",\"{BobId}\"]"), Text("cover_a1b2c3d4e5.png"), Text("2024-03-04 05:06:07.890Z"),
            Text(PublishedPostId), Text("""{"lang":"en"}"""), Text(AliceId), "1", Text("2024-03-05 00:00:00.000Z"), Text("""["news","tech"]"""), Text("Hello"),
            Text("2024-03-04 05:06:07.890Z"), "10") + ")";
        yield return "INSERT INTO `posts` VALUES (" + string.Join(", ", Text("[]"), Text(""), Text("2024-03-06 05:06:07.890Z"), Text(DraftPostId), "NULL",
            Text(BobId), "0", Text(""), Text("[]"), Text("Draft"), Text("2024-03-06 05:06:07.890Z"), "0") + ")";
        yield return "CREATE VIEW `published_posts` AS SELECT * FROM (SELECT id, title, views FROM posts WHERE published = TRUE)";
    }

    private static string Collection(string id, string name, string type, bool system, string fields, string? list, string? view, string? create, string? update,
        string? delete, string options, string indexes) =>
        $"INSERT INTO `_collections` (id, system, type, name, fields, listRule, viewRule, createRule, updateRule, deleteRule, options, created, updated, indexes) " +
        $"VALUES ({Text(id)}, {(system ? 1 : 0)}, {Text(type)}, {Text(name)}, {Text(fields)}, {Text(list)}, {Text(view)}, {Text(create)}, {Text(update)}, " +
        $"{Text(delete)}, {Text(options)}, '2024-01-01 00:00:00.000Z', '2024-01-01 00:00:00.000Z', {Text(indexes)})";

    private static string Text(string? value) => value is null ? "NULL" : "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    // PocketBase's default cost for new hashes is 10 (bcrypt.DefaultCost).
    private static string Bcrypt(string password) => BCrypt.Net.BCrypt.HashPassword(password, 10);

    private static string AuthOptions() => """
        {"authRule":"","manageRule":null,"authAlert":{"enabled":true,"emailTemplate":{"subject":"Login from a new location","body":"<p>Hello</p>"}},
         "oauth2":{"providers":null,"mappedFields":{"id":"","name":"","username":"","avatarURL":""},"enabled":false},
         "passwordAuth":{"enabled":true,"identityFields":["email"]},"mfa":{"enabled":false,"duration":1800,"rule":""},
         "otp":{"enabled":false,"duration":180,"length":8,"emailTemplate":{"subject":"OTP for {APP_NAME}","body":"{OTP}"}},
         "authToken":{"secret":"uL8sWvJ2Qp4XkR7tB1nM6cF9hD3gZ5aY0eT2iO8wS4vN7bQ1xK","duration":604800},
         "passwordResetToken":{"secret":"pR3sWvJ2Qp4XkR7tB1nM6cF9hD3gZ5aY0eT2iO8wS4vN7bQ1xK","duration":1800},
         "emailChangeToken":{"secret":"eC4sWvJ2Qp4XkR7tB1nM6cF9hD3gZ5aY0eT2iO8wS4vN7bQ1xK","duration":1800},
         "verificationToken":{"secret":"vT5sWvJ2Qp4XkR7tB1nM6cF9hD3gZ5aY0eT2iO8wS4vN7bQ1xK","duration":259200},
         "fileToken":{"secret":"fT6sWvJ2Qp4XkR7tB1nM6cF9hD3gZ5aY0eT2iO8wS4vN7bQ1xK","duration":180},
         "verificationTemplate":{"subject":"Verify your {APP_NAME} email","body":"{TOKEN}"},
         "resetPasswordTemplate":{"subject":"Reset your {APP_NAME} password","body":"{TOKEN}"},
         "confirmEmailChangeTemplate":{"subject":"Confirm your {APP_NAME} new email address","body":"{TOKEN}"}}
        """;

    private const string IdField = """{"autogeneratePattern":"[a-z0-9]{15}","hidden":false,"id":"text3208210256","max":15,"min":15,"name":"id","pattern":"^[a-z0-9]+$","presentable":false,"primaryKey":true,"required":true,"system":true,"type":"text"}""";

    private const string Timestamps = """
        {"hidden":false,"id":"autodate2990389176","name":"created","onCreate":true,"onUpdate":false,"presentable":false,"system":false,"type":"autodate"},
        {"hidden":false,"id":"autodate3332085495","name":"updated","onCreate":true,"onUpdate":true,"presentable":false,"system":false,"type":"autodate"}
        """;

    private const string AuthFields = """
        {"cost":0,"hidden":true,"id":"password901924565","max":0,"min":8,"name":"password","pattern":"","presentable":false,"required":true,"system":true,"type":"password"},
        {"autogeneratePattern":"[a-zA-Z0-9]{50}","hidden":true,"id":"text2504183744","max":60,"min":30,"name":"tokenKey","pattern":"","presentable":false,"primaryKey":false,"required":true,"system":true,"type":"text"},
        {"exceptDomains":null,"hidden":false,"id":"email3885137012","name":"email","onlyDomains":null,"presentable":false,"required":true,"system":true,"type":"email"},
        {"hidden":false,"id":"bool1547992806","name":"emailVisibility","presentable":false,"required":false,"system":true,"type":"bool"},
        {"hidden":false,"id":"bool256245529","name":"verified","presentable":false,"required":false,"system":true,"type":"bool"}
        """;

    private static readonly string SuperuserFields = "[" + IdField + "," + AuthFields + "," + Timestamps.Replace("\"system\":false", "\"system\":true", StringComparison.Ordinal) + "]";

    private const string SuperuserIndexes =
        """["CREATE UNIQUE INDEX `idx_tokenKey_pbc_3142635823` ON `_superusers` (`tokenKey`)", "CREATE UNIQUE INDEX `idx_email_pbc_3142635823` ON `_superusers` (`email`) WHERE `email` != ''"]""";

    private static readonly string UserFields = "[" + IdField + "," + AuthFields + "," + """
        {"autogeneratePattern":"","help":"","hidden":false,"id":"text1579384326","max":255,"min":0,"name":"name","pattern":"","presentable":false,"primaryKey":false,"required":false,"system":false,"type":"text"},
        {"help":"","hidden":false,"id":"file376926767","maxSelect":1,"maxSize":0,"mimeTypes":["image/jpeg","image/png","image/svg+xml","image/gif","image/webp"],"name":"avatar","presentable":false,"protected":false,"required":false,"system":false,"thumbs":null,"type":"file"},
        """ + Timestamps + "]";

    private static readonly string PostFields = "[" + IdField + "," + """
        {"autogeneratePattern":"","help":"","hidden":false,"id":"text724990059","max":0,"min":0,"name":"title","pattern":"","presentable":true,"primaryKey":false,"required":true,"system":false,"type":"text"},
        {"help":"","hidden":false,"id":"select1874629670","maxSelect":3,"name":"tags","presentable":false,"required":false,"system":false,"type":"select","values":["news","tech","life"]},
        {"cascadeDelete":false,"collectionId":"_pb_users_auth_","help":"","hidden":false,"id":"relation1160525513","maxSelect":5,"minSelect":0,"name":"authors","presentable":false,"required":false,"system":false,"type":"relation"},
        {"cascadeDelete":true,"collectionId":"_pb_users_auth_","help":"","hidden":false,"id":"relation3479234172","maxSelect":1,"minSelect":0,"name":"owner","presentable":false,"required":false,"system":false,"type":"relation"},
        {"help":"","hidden":false,"id":"file3834550803","maxSelect":1,"maxSize":0,"mimeTypes":null,"name":"cover","presentable":false,"protected":false,"required":false,"system":false,"thumbs":null,"type":"file"},
        {"help":"","hidden":false,"id":"number1893290590","max":null,"min":null,"name":"views","onlyInt":true,"presentable":false,"required":false,"system":false,"type":"number"},
        {"help":"","hidden":false,"id":"bool2058292934","name":"published","presentable":false,"required":false,"system":false,"type":"bool"},
        {"help":"","hidden":false,"id":"json1326724116","maxSize":0,"name":"meta","presentable":false,"required":false,"system":false,"type":"json"},
        {"help":"","hidden":false,"id":"date2862495610","max":"","min":"","name":"publishedAt","presentable":false,"required":false,"system":false,"type":"date"},
        """ + Timestamps + "]";

    private static readonly string ViewFields = "[" + """
        {"autogeneratePattern":"","hidden":false,"id":"text3208210256","max":0,"min":0,"name":"id","pattern":"^[a-z0-9]+$","presentable":false,"primaryKey":true,"required":true,"system":true,"type":"text"},
        {"autogeneratePattern":"","hidden":false,"id":"_clone_Xq2v","max":0,"min":0,"name":"title","pattern":"","presentable":true,"primaryKey":false,"required":true,"system":false,"type":"text"},
        {"hidden":false,"id":"_clone_Lm7k","max":null,"min":null,"name":"views","onlyInt":true,"presentable":false,"required":false,"system":false,"type":"number"}
        """ + "]";
}
