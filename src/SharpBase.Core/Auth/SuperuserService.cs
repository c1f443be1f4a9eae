using System.Text;
using SharpBase.Core.Common;
using SharpBase.Core.Errors;
using SharpBase.Core.Query;
using SharpBase.Core.Records;
using SharpBase.Core.Schema;
using SharpBase.Core.Schema.Fields;
using SharpBase.Storage;

namespace SharpBase.Core.Auth;

/// <summary>The <c>superuser upsert|delete</c> commands: manage records of <c>_superusers</c> directly.</summary>
public sealed class SuperuserService(Database database, SchemaRegistry registry, RecordStore records, RecordCascade cascade, PasswordHasher hasher,
    IRandomSource random, TimeProvider time)
{
    /// <summary>Creates the superuser, or sets the password of an existing one. Returns true when created.</summary>
    public async Task<bool> UpsertAsync(string email, string password, CancellationToken cancellationToken)
    {
        var collection = Superusers();
        var errors = new ValidationErrors();
        if (!EmailAddress.IsValid(email))
        {
            errors.Add("email", new ValidationError("validation_is_email", "Must be a valid email address."));
        }

        var minLength = (collection.FindField("password") as PasswordField)?.Min ?? 8;
        if (Encoding.UTF8.GetByteCount(password) > PasswordField.MaxBytes)
        {
            errors.Add("password", new ValidationError("validation_length_too_long", $"Must be no more than {PasswordField.MaxBytes} bytes."));
        }
        else if (password.Length < minLength)
        {
            errors.Add("password", new ValidationError("validation_length_too_short", $"Must be at least {minLength} characters."));
        }

        if (!errors.IsEmpty)
        {
            throw new BadRequestException("Invalid superuser data.", errors);
        }

        var hash = hasher.Hash(password);
        var now = time.GetUtcNow();
        return await database.WriteAsync(async (session, ct) =>
        {
            var values = new Dictionary<string, object?>
            {
                ["password"] = hash,
                ["tokenKey"] = random.NextString(50, Ids.AlphanumericAlphabet),
                ["updated"] = now,
            };
            var existing = await records.FindByAsync(session, collection, "email", email, ct);
            if (existing is not null)
            {
                await records.UpdateAsync(session, collection, existing.Id, values, ct);
                return false;
            }

            values["id"] = Ids.NewRecordId(random);
            values["email"] = email;
            values["emailVisibility"] = false;
            values["verified"] = true;
            values["created"] = now;
            await records.InsertAsync(session, collection, values, ct);
            return true;
        }, cancellationToken);
    }

    /// <summary>Deletes a superuser by email; the last one cannot be deleted.</summary>
    public async Task DeleteAsync(string email, CancellationToken cancellationToken)
    {
        var collection = Superusers();
        await database.WriteAsync(async (session, ct) =>
        {
            var existing = await records.FindByAsync(session, collection, "email", email, ct)
                ?? throw new NotFoundException($"No superuser with email {email}.");
            if (await records.CountAsync(session, collection, ct) <= 1)
            {
                throw new BadRequestException("The last superuser cannot be deleted.");
            }

            // Through the cascade like any record delete: relations to it are followed and its MFA/OTP/origin rows go too.
            await cascade.DeleteAsync(session, registry.Current, existing, RequestInfo.Guest, ct);
            return true;
        }, cancellationToken);
    }

    private Collection Superusers() =>
        registry.Current.Find(SystemCollections.SuperusersId) ?? throw new InvalidOperationException("The _superusers collection is missing.");
}
