namespace DataSpace.Connector.Usage;

/// <summary>What a use must do before its data is returned, once every obligation was found enforceable.</summary>
/// <param name="NotifyProvider">The provider must be told of the use first (fail closed when it cannot be).</param>
/// <param name="DeleteBy">The earliest delete-after deadline, if any.</param>
internal sealed record DutySet(bool NotifyProvider, DateTimeOffset? DeleteBy);
