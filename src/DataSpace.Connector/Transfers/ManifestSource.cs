using System.Text.Json.Nodes;
using DataSpace.Core.Results;

namespace DataSpace.Connector.Transfers;

/// <summary>Fetches the signed manifest of the stream whose ciphertext had the SHA-256 <c>ciphertextSha256</c> (hex).</summary>
internal delegate Task<Result<JsonObject>> ManifestSource(string ciphertextSha256, CancellationToken cancellationToken);
