namespace SharpBase.Core.Query.Sql;

/// <summary>Who wrote the expression, which decides the restrictions PocketBase applies while resolving it.</summary>
public enum FilterMode
{
    /// <summary>
    /// A non-superuser's <c>filter</c>/<c>sort</c>: no <c>@request.*</c>/<c>@collection.*</c> (403), no hidden fields,
    /// relation paths only into collections with a list rule (which is ANDed in), auth emails only when visible.
    /// </summary>
    ClientFilter,

    /// <summary>An API rule written by a superuser: every field and <c>@request.*</c>/<c>@collection.*</c> are allowed.</summary>
    Rule,

    /// <summary>A superuser's own filter or sort: no restrictions.</summary>
    Superuser,
}
