namespace DataSpace.Broker.Identity;

/// <summary>An access token just signed, and how long it is valid.</summary>
internal sealed record IssuedToken(string AccessToken, TimeSpan Lifetime);
