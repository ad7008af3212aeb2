namespace DataSpace.Storage;

/// <summary>
/// A put's last word before it publishes: called once the whole content is stored (not yet visible)
/// with the size and SHA-256 the store computed while storing it. If it throws, the put fails with
/// that exception and publishes nothing.
/// </summary>
/// <remarks>
/// It exists so that a caller who must judge content by its digest — the consumer checking a
/// transfer against the provider's signed manifest — uses the store's own hash instead of hashing
/// every byte a second time.
/// </remarks>
public delegate Task PublishCheck(long size, string sha256, CancellationToken cancellationToken);
