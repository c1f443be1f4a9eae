namespace SharpBase.Core.Records.Values;

/// <summary>The character sets of the autogenerate pattern subset.</summary>
internal static class PatternSets
{
    /// <summary>What <c>.</c> generates in PocketBase: a letter or digit.</summary>
    public const string AnyChar = Digits + Upper + Lower;

    private const string Digits = "0123456789";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Word = Digits + Upper + "_" + Lower;
    private const string Space = "\t\n\f\r ";

    /// <summary>The set for an escape such as <c>\d</c>, or the escaped character itself.</summary>
    public static string Escape(char c) => c switch
    {
        'd' => Digits,
        'w' => Word,
        's' => Space,
        'D' => Complement(Digits),
        'W' => Complement(Word),
        'S' => Complement(Space),
        'n' => "\n",
        't' => "\t",
        'r' => "\r",
        'f' => "\f",
        _ when char.IsAsciiLetterOrDigit(c) => throw new FormatException($"Unsupported escape \\{c}."),
        _ => c.ToString(),
    };

    public static string Posix(string name) => name switch
    {
        "alpha" => Upper + Lower,
        "digit" => Digits,
        "alnum" => Digits + Upper + Lower,
        "lower" => Lower,
        "upper" => Upper,
        "xdigit" => Digits + "ABCDEFabcdef",
        "word" => Word,
        "space" => Space + "\v",
        _ => throw new FormatException("Unsupported POSIX class."),
    };

    /// <summary>Printable ASCII without <paramref name="set"/> (the generator's stand-in for a negated class).</summary>
    public static string Complement(string set) =>
        string.Concat(Enumerable.Range(0x20, 0x7F - 0x20).Select(i => (char)i).Where(ch => !set.Contains(ch, StringComparison.Ordinal)));
}
