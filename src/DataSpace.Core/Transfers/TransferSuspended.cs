namespace DataSpace.Core.Transfers;

/// <summary>
/// The body of a <c>transfer.suspended</c> entry, signed by the party that paused a STARTED
/// transfer (DSP TransferSuspensionMessage): no more data moves until it is resumed. The party that
/// suspended it resumes it: the provider records <c>transfer.started</c> again — still one use.
/// </summary>
/// <param name="TransferId">The transfer.</param>
/// <param name="AgreementId">The agreement.</param>
/// <param name="By">The participant that suspended it.</param>
/// <param name="Reason">Why, for people.</param>
/// <param name="Time">When.</param>
public sealed record TransferSuspended(string TransferId, string AgreementId, string By, string Reason, DateTimeOffset Time)
{
    /// <summary>The entry type.</summary>
    public const string EntryType = "transfer.suspended";
}
