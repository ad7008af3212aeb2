namespace DataSpace.Core.Participants;

/// <summary>
/// The attribute names of a registration (docs/formats.md, "participant.registered"). They become
/// the claims of the participant's access tokens and the <c>subject</c> of policy inputs.
/// </summary>
public static class ParticipantAttributes
{
    /// <summary>Legal name.</summary>
    public const string Name = "name";

    /// <summary>ISO 3166-1 alpha-2 country.</summary>
    public const string Country = "country";

    /// <summary>GB/T 4754 sector code.</summary>
    public const string Sector = "sector";

    /// <summary>Assessed security level, 1–4.</summary>
    public const string SecurityProfile = "securityProfile";

    /// <summary>Certifications held (array of strings).</summary>
    public const string Certifications = "certifications";

    /// <summary>Clearance level granted by the operator (string).</summary>
    public const string Clearance = "clearance";

    /// <summary>Kind of organisation: <c>enterprise</c>, <c>foreign-judicial</c>, <c>foreign-enforcement</c>.</summary>
    public const string Kind = "kind";

    /// <summary>A data security agreement is on file (boolean).</summary>
    public const string SecurityAgreement = "securityAgreement";

    /// <summary>Base URL of the participant's connector, for negotiation callbacks and transfers.</summary>
    public const string Endpoint = "endpoint";

    /// <summary>Duties the participant's connector enforces (array of strings).</summary>
    public const string Enforces = "enforces";
}
