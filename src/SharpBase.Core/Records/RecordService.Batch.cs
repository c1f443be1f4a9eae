using SharpBase.Core.Errors;
using SharpBase.Core.Query;

namespace SharpBase.Core.Records;

/// <summary>What one batch sub-request does.</summary>
public enum BatchAction
{
    /// <summary>POST: create.</summary>
    Create,

    /// <summary>PATCH: update the record <see cref="BatchOperation.Id"/>.</summary>
    Update,

    /// <summary>PUT: update when <c>body.id</c> exists, else create.</summary>
    Upsert,

    /// <summary>DELETE the record <see cref="BatchOperation.Id"/>.</summary>
    Delete,
}

/// <summary>One parsed batch sub-request.</summary>
/// <param name="Action">Create, update, upsert or delete.</param>
/// <param name="Collection">The collection id or name from its URL.</param>
/// <param name="Id">The record id from its URL (update, delete).</param>
/// <param name="Input">Its body.</param>
/// <param name="Info">Its <c>@request.*</c> values (the batch caller's auth, its own method, query and headers).</param>
/// <param name="Expand">Its <c>expand</c> query parameter.</param>
public sealed record BatchOperation(BatchAction Action, string Collection, string? Id, RecordInput Input, RequestInfo Info, string? Expand);

/// <summary>One sub-request's outcome: 200 with the record, or 204 for a delete.</summary>
/// <param name="Status">The HTTP status PocketBase reports for it.</param>
/// <param name="Body">The record as the caller may see it; null for a delete.</param>
public sealed record BatchResult(int Status, RecordResult? Body);

public sealed partial class RecordService
{
    /// <summary>
    /// Runs every operation in one write transaction, in order, each through the same writer, expand and visibility as the
    /// single-record use cases. The first failure rolls everything back and is reported with its index; after-commit hooks
    /// of the whole batch run only once it has committed, in order. <paramref name="timeout"/> (when positive) bounds the
    /// transaction: past it the batch fails with 400 and nothing is written.
    /// </summary>
    public async Task<IReadOnlyList<BatchResult>> BatchAsync(IReadOnlyList<BatchOperation> operations, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operations);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout > TimeSpan.Zero)
        {
            deadline.CancelAfter(timeout);
        }

        var schema = registry.Current;
        try
        {
            return await database.WriteAsync(async (session, ct) =>
            {
                var results = new List<BatchResult>(operations.Count);
                for (var i = 0; i < operations.Count; i++)
                {
                    var operation = operations[i];
                    try
                    {
                        var collection = schema.Find(operation.Collection) ?? throw new NotFoundException("Missing collection context.");
                        var row = operation.Action switch
                        {
                            BatchAction.Create => await writer.CreateAsync(session, schema, collection, operation.Input, operation.Info, ct),
                            BatchAction.Update => await writer.UpdateAsync(session, schema, collection, operation.Id!, operation.Input, operation.Info, ct),
                            BatchAction.Upsert => await writer.UpsertAsync(session, schema, collection, operation.Input, operation.Info, ct),
                            _ => null,
                        };
                        if (row is null)
                        {
                            await writer.DeleteAsync(session, schema, collection, operation.Id!, operation.Info, ct);
                            results.Add(new BatchResult(204, null));
                        }
                        else
                        {
                            results.Add(new BatchResult(200, await ResultAsync(session, schema, row, operation.Expand, operation.Info, ct)));
                        }
                    }
                    catch (ApiException exception)
                    {
                        throw new BatchRequestFailedException(i, exception);
                    }
                }

                return (IReadOnlyList<BatchResult>)results;
            }, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new BadRequestException("Batch transaction timed out.");
        }
    }
}
