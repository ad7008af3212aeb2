using System.Text.Json.Nodes;
using DataSpace.Storage;

namespace DataSpace.Connector.Assets;

/// <summary>An asset as the connector's API shows it.</summary>
/// <param name="AssetId">The asset id, <c>{participant}/{suffix}</c>.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">SHA-256 of the content, hex.</param>
/// <param name="Label">Its classification label.</param>
/// <param name="FileName">The file name it was uploaded with.</param>
/// <param name="CreatedAt">When it was stored.</param>
public sealed record AssetView(string AssetId, long Size, string Sha256, JsonObject Label, string? FileName, DateTimeOffset CreatedAt)
{
    /// <summary>Metadata name of the label (JSON text).</summary>
    public const string LabelMetadata = "label";

    /// <summary>Metadata name of the original file name.</summary>
    public const string FileNameMetadata = "fileName";

    internal static AssetView Of(BlobInfo info) => new(
        info.Key, info.Size, info.Sha256,
        JsonNode.Parse(info.Metadata[LabelMetadata])!.AsObject(),
        info.Metadata.GetValueOrDefault(FileNameMetadata),
        info.CreatedAt);
}
