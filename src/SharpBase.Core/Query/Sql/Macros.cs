using SharpBase.Core.Query.Semantics;

namespace SharpBase.Core.Query.Sql;

/// <summary>The datetime macros as parameters: text for full datetimes, integers for the parts (PocketBase binds Go ints).</summary>
internal static class Macros
{
    public static bool TryResolve(string name, TimeProvider time, out object? value)
    {
        if (!name.StartsWith('@') || !DateTimeMacros.TryGetValue(name, time.GetUtcNow(), out value))
        {
            value = null;
            return false;
        }

        return true;
    }
}
