using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace SharpBase.Core.Auth;

/// <summary>
/// Hashes new passwords with Argon2id (PHC string format, OWASP parameters m=19456 KiB, t=2, p=1) and verifies
/// Argon2id and bcrypt (<c>$2a$</c>, <c>$2b$</c>, <c>$2y$</c>, as written by PocketBase) hashes. Stateless and thread-safe.
/// </summary>
public sealed class PasswordHasher
{
    /// <summary>The longest password accepted, in UTF-8 bytes. Longer passwords are never hashed.</summary>
    public const int MaxPasswordBytes = 256;

    private const int MemoryKib = 19456;
    private const int Iterations = 2;
    private const int Parallelism = 1;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const string Argon2idMarker = "$argon2id$";
    private const string CurrentPrefix = "$argon2id$v=19$m=19456,t=2,p=1$";

    // What a stored hash may ask for, so that an imported hash cannot make each login attempt hang or exhaust memory.
    private const int MaxStoredHashLength = 512;
    private const int MaxMemoryKib = 262_144;
    private const int MaxIterations = 16;
    private const int MaxParallelism = 16;
    private const int MinStoredSaltBytes = 8;
    private const int MaxStoredSaltBytes = 64;
    private const int MinStoredHashBytes = 16;
    private const int MaxStoredHashBytes = 64;
    private const int MinBcryptCost = 4;
    private const int MaxBcryptCost = 16;
    private const int BcryptHashLength = 60;

    // An Argon2id hash (current parameters) of a random password nobody knows; see DummyVerify.
    private const string DummyHash = "$argon2id$v=19$m=19456,t=2,p=1$TZhY1srOyDwmPvgmobM4xA$ZDqGhRd+lh4wzIKSyfDvlBhW0xzpMT7IDk4Qmxq4YDI";

    /// <summary>
    /// Hashes <paramref name="password"/> with Argon2id and a fresh 16-byte random salt, returning
    /// <c>$argon2id$v=19$m=19456,t=2,p=1$&lt;salt&gt;$&lt;hash&gt;</c> (standard base64 without padding).
    /// </summary>
    /// <exception cref="ArgumentException">The password is empty or longer than <see cref="MaxPasswordBytes"/> UTF-8 bytes.</exception>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API: the hasher is injected.")]
    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryGetPasswordBytes(password, out var passwordBytes))
        {
            throw new ArgumentException(
                $"The password must be between 1 and {MaxPasswordBytes} UTF-8 bytes long.", nameof(password));
        }

        try
        {
            var salt = RandomNumberGenerator.GetBytes(SaltBytes);
            var hash = ComputeArgon2id(passwordBytes, salt, MemoryKib, Iterations, Parallelism, HashBytes);
            return CurrentPrefix + EncodeBase64(salt) + "$" + EncodeBase64(hash);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    /// <summary>
    /// Checks <paramref name="password"/> against an Argon2id PHC string or a bcrypt hash. Never throws: a malformed or
    /// unsupported stored hash, or a password that is empty or longer than <see cref="MaxPasswordBytes"/> (rejected before
    /// any hashing), gives <see cref="PasswordVerification.Failed"/>.
    /// </summary>
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API: the hasher is injected.")]
    public PasswordVerification Verify(string password, string storedHash)
    {
        if (password is null || storedHash is null || storedHash.Length > MaxStoredHashLength)
        {
            return PasswordVerification.Failed;
        }

        if (!TryGetPasswordBytes(password, out var passwordBytes))
        {
            return PasswordVerification.Failed;
        }

        try
        {
            if (storedHash.StartsWith(Argon2idMarker, StringComparison.Ordinal))
            {
                return VerifyArgon2id(passwordBytes, storedHash);
            }

            if (IsSupportedBcrypt(storedHash))
            {
                return VerifyBcrypt(password, storedHash);
            }

            return PasswordVerification.Failed;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    /// <summary>
    /// Runs the same work as <see cref="Verify"/> against a fixed internal Argon2id hash and discards the result, so that a
    /// login for an unknown user takes as long as one for a known user (SECURITY.md point 8).
    /// </summary>
    public void DummyVerify(string password) => _ = Verify(password, DummyHash);

    private static bool TryGetPasswordBytes(string password, out byte[] bytes)
    {
        // Every char encodes to at least one UTF-8 byte, so the char count bounds the work before any encoding.
        if (password.Length == 0 || password.Length > MaxPasswordBytes || Encoding.UTF8.GetByteCount(password) > MaxPasswordBytes)
        {
            bytes = [];
            return false;
        }

        bytes = Encoding.UTF8.GetBytes(password);
        return true;
    }

    private static PasswordVerification VerifyArgon2id(byte[] passwordBytes, string storedHash)
    {
        // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        var parts = storedHash.Split('$');
        if (parts.Length != 6 || parts[0].Length != 0 || parts[2] != "v=19"
            || !TryParseParameters(parts[3], out var memoryKib, out var iterations, out var parallelism)
            || DecodeBase64(parts[4], MinStoredSaltBytes, MaxStoredSaltBytes) is not { } salt
            || DecodeBase64(parts[5], MinStoredHashBytes, MaxStoredHashBytes) is not { } expected)
        {
            return PasswordVerification.Failed;
        }

        byte[] actual;
        try
        {
            actual = ComputeArgon2id(passwordBytes, salt, memoryKib, iterations, parallelism, expected.Length);
        }
        catch (ArgumentException)
        {
            return PasswordVerification.Failed;
        }

        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
        {
            return PasswordVerification.Failed;
        }

        var weaker = memoryKib < MemoryKib || iterations < Iterations || salt.Length < SaltBytes || expected.Length < HashBytes;
        return weaker ? PasswordVerification.SuccessRehashNeeded : PasswordVerification.Success;
    }

    private static bool TryParseParameters(string text, out int memoryKib, out int iterations, out int parallelism)
    {
        memoryKib = iterations = parallelism = 0;
        var items = text.Split(',');
        return items.Length == 3
            && TryParseParameter(items[0], "m=", 1, MaxMemoryKib, out memoryKib)
            && TryParseParameter(items[1], "t=", 1, MaxIterations, out iterations)
            && TryParseParameter(items[2], "p=", 1, MaxParallelism, out parallelism)
            && memoryKib >= 8 * parallelism;
    }

    private static bool TryParseParameter(string item, string name, int min, int max, out int value)
    {
        value = 0;
        return item.StartsWith(name, StringComparison.Ordinal)
            && item.Length <= name.Length + 10
            && int.TryParse(item.AsSpan(name.Length), NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value >= min && value <= max;
    }

    private static bool IsSupportedBcrypt(string storedHash)
    {
        // $2b$12$ + 22 chars of salt + 31 chars of hash, in bcrypt's alphabet ./A-Za-z0-9.
        if (storedHash.Length != BcryptHashLength
            || !(storedHash.StartsWith("$2a$", StringComparison.Ordinal)
                || storedHash.StartsWith("$2b$", StringComparison.Ordinal)
                || storedHash.StartsWith("$2y$", StringComparison.Ordinal))
            || !char.IsAsciiDigit(storedHash[4]) || !char.IsAsciiDigit(storedHash[5]) || storedHash[6] != '$')
        {
            return false;
        }

        var cost = ((storedHash[4] - '0') * 10) + (storedHash[5] - '0');
        if (cost < MinBcryptCost || cost > MaxBcryptCost)
        {
            return false;
        }

        foreach (var c in storedHash.AsSpan(7))
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '.' and not '/')
            {
                return false;
            }
        }

        return true;
    }

    private static PasswordVerification VerifyBcrypt(string password, string storedHash)
    {
        try
        {
            return BCrypt.Net.BCrypt.Verify(password, storedHash)
                ? PasswordVerification.SuccessRehashNeeded
                : PasswordVerification.Failed;
        }
        catch (BCrypt.Net.SaltParseException)
        {
            return PasswordVerification.Failed;
        }
        catch (ArgumentException)
        {
            return PasswordVerification.Failed;
        }
    }

    private static byte[] ComputeArgon2id(
        byte[] passwordBytes, byte[] salt, int memoryKib, int iterations, int parallelism, int length)
    {
        using var argon2 = new Argon2id(passwordBytes)
        {
            Salt = salt,
            DegreeOfParallelism = parallelism,
            Iterations = iterations,
            MemorySize = memoryKib,
        };
        return argon2.GetBytes(length);
    }

    private static string EncodeBase64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    /// <summary>Decodes PHC base64 (standard alphabet, no padding); null when malformed or outside the length bounds.</summary>
    private static byte[]? DecodeBase64(string text, int minBytes, int maxBytes)
    {
        var maxChars = ((maxBytes * 4) + 2) / 3;
        if (text.Length == 0 || text.Length > maxChars || text.Length % 4 == 1)
        {
            return null;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '+' and not '/')
            {
                return null;
            }
        }

        var padded = text.Length % 4 == 0 ? text : text + new string('=', 4 - (text.Length % 4));
        var buffer = new byte[maxBytes];
        if (!Convert.TryFromBase64String(padded, buffer, out var written) || written < minBytes)
        {
            return null;
        }

        return buffer.AsSpan(0, written).ToArray();
    }
}
