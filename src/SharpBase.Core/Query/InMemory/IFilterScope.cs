using SharpBase.Core.Query.Syntax;

namespace SharpBase.Core.Query.InMemory;

/// <summary>Supplies the values a <see cref="FilterEvaluator"/> compares.</summary>
public interface IFilterScope
{
    /// <summary>
    /// The value of a field path, request value or macro. Throws <see cref="FilterFieldException"/> when the name
    /// does not resolve.
    /// </summary>
    public FilterValue Resolve(IdentifierOperand identifier);

    /// <summary>
    /// Calls a filter function with its evaluated arguments (argument <c>i</c> of <paramref name="function"/> gave
    /// <c>arguments[i]</c>). Throws <see cref="FilterFieldException"/> for an unknown function or bad arguments.
    /// </summary>
    public FilterValue Call(FunctionOperand function, IReadOnlyList<FilterValue> arguments);
}
