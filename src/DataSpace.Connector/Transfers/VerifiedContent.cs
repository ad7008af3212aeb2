using System.Text.Json.Nodes;
using DataSpace.Crypto.Sealing;

namespace DataSpace.Connector.Transfers;

/// <summary>A transfer's content that arrived whole and matched its provider-signed manifest.</summary>
/// <param name="Manifest">The manifest, read.</param>
/// <param name="SignedManifest">The manifest as signed (its canonical SHA-256 goes into the receipt).</param>
/// <param name="Digests">What was computed while receiving.</param>
internal sealed record VerifiedContent(SealManifest Manifest, JsonObject SignedManifest, ReceivedDigests Digests);
