namespace DataSpace.Core.Transfers;

/// <summary>The body of a <c>transfer.terminated</c> entry, signed by the party that ended it: nothing was released or kept.</summary>
/// <param name="TransferId">The transfer.</param>
/// <param name="AgreementId">The agreement.</param>
/// <param name="By">The participant that ended it.</param>
/// <param name="Reason">Why, for people.</param>
/// <param name="Time">When.</param>
public sealed record TransferTerminated(string TransferId, string AgreementId, string By, string Reason, DateTimeOffset Time)
{
    /// <summary>The entry type.</summary>
    public const string EntryType = "transfer.terminated";
}
