using System.Security.Cryptography;
using System.Text;

namespace SharpBase.Core.Auth;

/// <summary>How secrets are kept at rest: only the lowercase hex SHA-256 of their UTF-8 text is stored.</summary>
public static class SecretHash
{
    /// <summary>The hex SHA-256 of <paramref name="secret"/>.</summary>
    public static string Of(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(secret), hash);
        return Convert.ToHexStringLower(hash);
    }
}
