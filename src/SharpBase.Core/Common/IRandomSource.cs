namespace SharpBase.Core.Common;

/// <summary>The source of randomness for ids and secrets, injectable so tests can make it predictable.</summary>
public interface IRandomSource
{
    /// <summary>A string of <paramref name="length"/> characters drawn uniformly from <paramref name="alphabet"/>.</summary>
    public string NextString(int length, string alphabet);
}

/// <summary>Cryptographically secure randomness.</summary>
public sealed class SecureRandomSource : IRandomSource
{
    /// <summary>The shared instance.</summary>
    public static readonly SecureRandomSource Instance = new();

    /// <inheritdoc />
    public string NextString(int length, string alphabet) =>
        System.Security.Cryptography.RandomNumberGenerator.GetString(alphabet, length);
}
