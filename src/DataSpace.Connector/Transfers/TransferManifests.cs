using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DataSpace.Crypto.Json;

namespace DataSpace.Connector.Transfers;

/// <summary>
/// What both parties agree on about a transfer's seal manifest (docs/formats.md, "Transfers"):
/// the signed context it carries, the digest a receipt names it by, and where a decision record
/// holds its obligations.
/// </summary>
internal static class TransferManifests
{
    public const string AgreementIdContext = "agreementId";
    public const string TransferIdContext = "transferId";
    public const string AssetIdContext = "assetId";
    public const string ConsumerContext = "consumer";

    /// <summary>The manifest context of a transfer: which agreement, which transfer, which asset, for whom.</summary>
    public static IReadOnlyDictionary<string, string> Context(string agreementId, string transferId, string assetId, string consumer) =>
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AgreementIdContext] = agreementId,
            [TransferIdContext] = transferId,
            [AssetIdContext] = assetId,
            [ConsumerContext] = consumer,
        };

    /// <summary>SHA-256 of the signed manifest's RFC 8785 canonical bytes, lowercase hex: how a <c>transfer.completed</c> receipt names it.</summary>
    public static string Sha256(JsonObject signedManifest) => Convert.ToHexStringLower(SHA256.HashData(CanonicalJson.Serialize(signedManifest)));

    /// <summary>The obligations of a decision record (<c>result.obligations</c>, docs/formats.md "Policy decision record").</summary>
    public static IReadOnlyList<JsonObject> Obligations(JsonObject decisionRecord) =>
        decisionRecord["result"] is JsonObject result && result["obligations"] is JsonArray obligations
            ? [.. obligations.OfType<JsonObject>().Select(o => (JsonObject)o.DeepClone())]
            : [];
}
