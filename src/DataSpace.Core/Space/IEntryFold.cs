using DataSpace.Core.Results;

namespace DataSpace.Core.Space;

/// <summary>
/// The rules and the state change for a few entry types of one feature. <see cref="Decide"/> reads
/// the state and either refuses the entry (the reason becomes the log's refusal or the auditor's
/// violation) or returns the change to make, which the projection applies once the entry is in.
/// </summary>
internal interface IEntryFold
{
    /// <summary>The entry types this fold owns.</summary>
    IReadOnlyCollection<string> Types { get; }

    /// <summary>Checks the entry against the state; the change to apply, or why not.</summary>
    Result<Action> Decide(SpaceEvent entry, SpaceState state);
}
