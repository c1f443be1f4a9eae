using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace SharpBase.Core.Common;

/// <summary>PocketBase's id formats for records, collections and fields.</summary>
public static class Ids
{
    /// <summary>The default record id alphabet.</summary>
    public const string RecordAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Alphanumerics of both cases, used for token keys and secrets.</summary>
    public const string AlphanumericAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>The default record id length.</summary>
    public const int RecordIdLength = 15;

    /// <summary>A new default-format record id.</summary>
    public static string NewRecordId(IRandomSource random) => random.NextString(RecordIdLength, RecordAlphabet);

    /// <summary>True when <paramref name="id"/> has the default record id format (15 chars of [a-z0-9]).</summary>
    public static bool IsDefaultRecordId(string id) =>
        id.Length == RecordIdLength && id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9');

    /// <summary>A collection id: <c>pbc_</c> and the decimal CRC-32 of type + name (so <c>_superusers</c> is <c>pbc_3142635823</c>).</summary>
    public static string CollectionId(string type, string name) => "pbc_" + Crc32Text(type + name);

    /// <summary>A field id: the field type and the decimal CRC-32 of its name, e.g. <c>text3208210256</c> for <c>id</c>.</summary>
    public static string FieldId(string type, string name) => type + Crc32Text(name);

    private static string Crc32Text(string value) =>
        Crc32.HashToUInt32(Encoding.UTF8.GetBytes(value)).ToString(CultureInfo.InvariantCulture);
}
