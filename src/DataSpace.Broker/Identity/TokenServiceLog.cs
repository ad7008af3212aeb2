namespace DataSpace.Broker.Identity;

/// <summary>The token service's log events.</summary>
internal static partial class TokenServiceLog
{
    [LoggerMessage(1, LogLevel.Information, "Token signing key {KeyId} created in {Path}")]
    public static partial void KeyCreated(ILogger logger, string keyId, string path);

    [LoggerMessage(2, LogLevel.Information, "Token signing key {KeyId} loaded from {Path}")]
    public static partial void KeyLoaded(ILogger logger, string keyId, string path);

    [LoggerMessage(3, LogLevel.Information, "Access token issued to {ParticipantId}, valid {Lifetime}")]
    public static partial void TokenIssued(ILogger logger, string participantId, TimeSpan lifetime);

    [LoggerMessage(4, LogLevel.Warning, "Token request refused: {Reason}")]
    public static partial void AssertionRefused(ILogger logger, string reason);

    [LoggerMessage(5, LogLevel.Error, "The registered verifier key of {ParticipantId} does not parse: {Error}")]
    public static partial void RegisteredKeyUnusable(ILogger logger, string participantId, string? error);

    [LoggerMessage(6, LogLevel.Warning, "Token requests from {Client} exceed the rate limit")]
    public static partial void RateLimited(ILogger logger, string client);
}
