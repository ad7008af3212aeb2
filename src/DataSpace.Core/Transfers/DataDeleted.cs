namespace DataSpace.Core.Transfers;

/// <summary>The body of a <c>data.deleted</c> entry: the consumer deleted the data of a transfer (a delete-after duty, or by choice).</summary>
/// <param name="TransferId">The transfer whose data was deleted.</param>
/// <param name="AgreementId">The agreement.</param>
/// <param name="Consumer">The consumer that deleted it (the signer).</param>
/// <param name="Reason">Why: <c>delete_after</c> deadline, or another reason.</param>
/// <param name="Time">When.</param>
public sealed record DataDeleted(string TransferId, string AgreementId, string Consumer, string Reason, DateTimeOffset Time)
{
    /// <summary>The entry type.</summary>
    public const string EntryType = "data.deleted";
}
