namespace SharpBase.Core.Query.Syntax;

/// <summary>The kinds of token the <see cref="Lexer"/> produces.</summary>
public enum TokenKind
{
    /// <summary>End of input.</summary>
    End,
    /// <summary>A name such as <c>author.name</c> or <c>@request.auth.id</c>.</summary>
    Identifier,
    /// <summary>A function name directly followed by <c>(</c>; the <c>(</c> comes next as <see cref="OpenParen"/>.</summary>
    Function,
    /// <summary>A number such as <c>-1.5</c>.</summary>
    Number,
    /// <summary>Quoted text, already unescaped.</summary>
    Text,
    /// <summary>One of the 16 comparison operators.</summary>
    Operator,
    /// <summary><c>&amp;&amp;</c></summary>
    And,
    /// <summary><c>||</c></summary>
    Or,
    /// <summary><c>(</c></summary>
    OpenParen,
    /// <summary><c>)</c></summary>
    CloseParen,
    /// <summary><c>,</c> (only meaningful between function arguments).</summary>
    Comma,
}

/// <summary>One token: its kind, its (unescaped) text, its 1-based start position and, for operators, which one.</summary>
public readonly record struct Token(TokenKind Kind, string Text, int Position, ComparisonOperator Operator = default);
