using System.Text.Json.Nodes;

namespace SharpBase.Core.Settings;

/// <summary>
/// Applies a settings patch the way Go's JSON decoder fills PocketBase's settings struct: objects merge key by key, arrays
/// and values replace, <c>null</c> empties an array and leaves anything else as it was. So <c>{"meta": null}</c> or
/// <c>{"smtp": {"host": null}}</c> changes nothing, and a section or key the patch leaves out (a secret included) is kept.
/// </summary>
internal static class SettingsMerge
{
    public static void Apply(JsonObject target, JsonObject patch)
    {
        foreach (var (key, value) in patch)
        {
            var current = target[key];
            if (value is null)
            {
                if (current is JsonArray)
                {
                    target[key] = new JsonArray();
                }
            }
            else if (value is JsonObject patchObject && current is JsonObject targetObject)
            {
                Apply(targetObject, patchObject);
            }
            else
            {
                target[key] = value.DeepClone();
            }
        }
    }
}
