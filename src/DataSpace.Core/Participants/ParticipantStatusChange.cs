namespace DataSpace.Core.Participants;

/// <summary>The body of a <c>participant.status</c> entry, signed by the operator: a suspension, a reinstatement or a revocation (final).</summary>
/// <param name="ParticipantId">The participant.</param>
/// <param name="Status">Its new standing.</param>
/// <param name="Reason">Why, for people.</param>
/// <param name="Time">When.</param>
public sealed record ParticipantStatusChange(string ParticipantId, ParticipantStatus Status, string Reason, DateTimeOffset Time)
{
    /// <summary>The entry type.</summary>
    public const string EntryType = "participant.status";
}
