namespace DataSpace.Core.Participants;

/// <summary>Where a registered participant stands; only an active one gets tokens, contracts or data.</summary>
public enum ParticipantStatus
{
    /// <summary>Registered and in good standing.</summary>
    Active,

    /// <summary>Temporarily barred by the operator; may be reinstated.</summary>
    Suspended,

    /// <summary>Permanently barred by the operator.</summary>
    Revoked,
}
