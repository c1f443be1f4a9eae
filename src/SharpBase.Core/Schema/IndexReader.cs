using System.Globalization;
using SharpBase.Storage.Schema;

namespace SharpBase.Core.Schema;

/// <summary>Reads the tokens of one index definition; throws <see cref="FormatException"/> with the reason.</summary>
internal sealed class IndexReader(List<IndexToken> tokens)
{
    private int _position;

    public IndexSpec Read()
    {
        Expect("CREATE");
        var unique = TryWord("UNIQUE");
        Expect("INDEX");
        if (TryWord("IF"))
        {
            Expect("NOT");
            Expect("EXISTS");
        }

        var name = Identifier("index name");
        Expect("ON");
        var table = Identifier("table name");
        ExpectSymbol("(");
        var columns = new List<IndexColumn>();
        do
        {
            columns.Add(Column());
        }
        while (TrySymbol(","));

        ExpectSymbol(")");
        var where = new List<IndexCondition>();
        if (TryWord("WHERE"))
        {
            do
            {
                where.Add(Condition());
            }
            while (TryWord("AND"));
        }

        _ = TrySymbol(";");
        if (_position < tokens.Count)
        {
            throw new FormatException($"Unexpected '{tokens[_position].Text}' after the index definition.");
        }

        return new IndexSpec(name, table, unique, columns, where);
    }

    private IndexColumn Column()
    {
        var name = Identifier("column name");
        var noCase = false;
        if (TryWord("COLLATE"))
        {
            var collation = Identifier("collation");
            if (!collation.Equals("NOCASE", StringComparison.OrdinalIgnoreCase))
            {
                throw new FormatException("Only COLLATE NOCASE is supported.");
            }

            noCase = true;
        }

        var descending = TryWord("DESC");
        if (!descending)
        {
            _ = TryWord("ASC");
        }

        return new IndexColumn(name, noCase, descending);
    }

    private IndexCondition Condition()
    {
        var column = Identifier("column name");
        if (TryWord("IS"))
        {
            var not = TryWord("NOT");
            Expect("NULL");
            return new IndexCondition(column, not ? IndexOperator.IsNotNull : IndexOperator.IsNull, null);
        }

        var op = Next("an operator");
        var kind = op.Text switch
        {
            "=" => IndexOperator.Equal,
            "!=" or "<>" => IndexOperator.NotEqual,
            _ => throw new FormatException($"Unsupported operator '{op.Text}' in the index condition; use =, != or IS [NOT] NULL."),
        };
        return new IndexCondition(column, kind, Literal());
    }

    private object? Literal()
    {
        var token = Next("a value");
        return token.Kind switch
        {
            IndexTokenKind.String => token.Text,
            IndexTokenKind.Number when double.TryParse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
            IndexTokenKind.Word when token.Text.Equals("TRUE", StringComparison.OrdinalIgnoreCase) => true,
            IndexTokenKind.Word when token.Text.Equals("FALSE", StringComparison.OrdinalIgnoreCase) => false,
            IndexTokenKind.Word when token.Text.Equals("NULL", StringComparison.OrdinalIgnoreCase) => null,
            _ => throw new FormatException($"Unsupported value '{token.Text}' in the index condition."),
        };
    }

    private string Identifier(string what)
    {
        var token = Next(what);
        if (token.Kind is not (IndexTokenKind.Word or IndexTokenKind.QuotedIdentifier) || token.Text.Length == 0)
        {
            throw new FormatException($"Expected {what}, found '{token.Text}'.");
        }

        return token.Text;
    }

    private IndexToken Next(string what) =>
        _position < tokens.Count ? tokens[_position++] : throw new FormatException($"Expected {what} at the end of the definition.");

    private void Expect(string word)
    {
        if (!TryWord(word))
        {
            throw new FormatException($"Expected {word}.");
        }
    }

    private void ExpectSymbol(string symbol)
    {
        if (!TrySymbol(symbol))
        {
            throw new FormatException($"Expected '{symbol}'.");
        }
    }

    private bool TryWord(string word)
    {
        if (_position < tokens.Count && tokens[_position].Kind == IndexTokenKind.Word &&
            tokens[_position].Text.Equals(word, StringComparison.OrdinalIgnoreCase))
        {
            _position++;
            return true;
        }

        return false;
    }

    private bool TrySymbol(string symbol)
    {
        if (_position < tokens.Count && tokens[_position].Kind == IndexTokenKind.Symbol && tokens[_position].Text == symbol)
        {
            _position++;
            return true;
        }

        return false;
    }
}
