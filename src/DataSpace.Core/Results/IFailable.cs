namespace DataSpace.Core.Results;

/// <summary>
/// A response type that can carry an <see cref="Error"/>: lets a pipeline step (validation, say)
/// answer with a failure for any request without knowing the handler's value type.
/// </summary>
public interface IFailable<TSelf>
    where TSelf : IFailable<TSelf>
{
    /// <summary>The failure.</summary>
    static abstract TSelf Fail(Error error);
}
