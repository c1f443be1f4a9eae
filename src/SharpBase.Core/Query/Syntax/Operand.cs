namespace SharpBase.Core.Query.Syntax;

/// <summary>One side of a comparison. <see cref="Position"/> is the 1-based character offset, for error messages.</summary>
public abstract record Operand(int Position);

/// <summary>A literal: a string (<see cref="string"/>), a number (<see cref="double"/>), a boolean, or null.</summary>
public sealed record LiteralOperand(object? Value, int Position) : Operand(Position);

/// <summary>
/// A name as written: a field path (<c>author.name</c>, <c>comments_via_post.text</c>, <c>data.a.b</c>), a request value
/// (<c>@request.auth.id</c>, <c>@request.body.title:isset</c>), a collection join (<c>@collection.posts:p.title</c>) or
/// a macro (<c>@now</c>). Modifiers (<c>:isset :changed :length :each :lower</c>) stay in <see cref="Path"/>; the
/// resolver splits and checks them against the schema.
/// </summary>
public sealed record IdentifierOperand(string Path, int Position) : Operand(Position);

/// <summary>A function call such as <c>strftime('%Y', created)</c> or <c>geoDistance(lonA, latA, lonB, latB)</c>.</summary>
public sealed record FunctionOperand(string Name, IReadOnlyList<Operand> Arguments, int Position) : Operand(Position);
