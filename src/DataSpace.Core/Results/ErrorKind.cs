namespace DataSpace.Core.Results;

/// <summary>
/// What kind of failure an operation met; each maps to one HTTP status in one place
/// (invalid → 400, forbidden → 403, not found → 404, conflict → 409, unavailable → 503).
/// </summary>
public enum ErrorKind
{
    /// <summary>The input is malformed or breaks a rule of its format.</summary>
    Invalid,

    /// <summary>The caller may not do this (policy denial, wrong party, bad signature).</summary>
    Forbidden,

    /// <summary>The thing referred to does not exist.</summary>
    NotFound,

    /// <summary>The request is valid but not now: an illegal state transition, a duplicate.</summary>
    Conflict,

    /// <summary>A dependency (ledger, policy engine, peer) cannot answer: fail closed.</summary>
    Unavailable,
}
