using DataSpace.Core.Results;
using Mediator;

namespace DataSpace.Hosting.Mediation;

/// <summary>
/// The validation step of every service's pipeline: a request that says it is malformed never
/// reaches its handler, and the caller gets the reason as a failure (400), not an exception.
/// </summary>
public sealed class ValidationBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IValidated, IMessage
    where TResponse : IFailable<TResponse>
{
    /// <inheritdoc/>
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken) =>
        message.Validate() is { } error ? ValueTask.FromResult(TResponse.Fail(error)) : next(message, cancellationToken);
}
