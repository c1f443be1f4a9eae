using System.Globalization;

namespace SharpBase.Core.Errors;

/// <summary>A batch sub-request failed: the whole batch rolls back and answers PocketBase's <c>batch_request_failed</c> shape.</summary>
public sealed class BatchRequestFailedException(int index, ApiException failure)
    : ApiException(400, "Batch transaction failed.", null, failure)
{
    /// <summary>The failed sub-request's index.</summary>
    public int Index { get; } = index;

    /// <inheritdoc />
    public override object Payload => new Dictionary<string, object>
    {
        ["requests"] = new Dictionary<string, object>
        {
            [Index.ToString(CultureInfo.InvariantCulture)] = new Dictionary<string, object>
            {
                ["code"] = "batch_request_failed",
                ["message"] = "Batch request failed.",
                ["response"] = new Dictionary<string, object>
                {
                    ["status"] = failure.Status,
                    ["message"] = failure.Message,
                    ["data"] = failure.Payload,
                },
            },
        },
    };
}
