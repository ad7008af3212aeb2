using System.Text.Json.Nodes;
using DataSpace.Connector.Common;
using DataSpace.Core.Results;
using DataSpace.Crypto.Json;
using DataSpace.Crypto.Keys;
using DataSpace.Hosting.Mediation;
using DataSpace.Policy;
using DataSpace.Storage;
using Mediator;

namespace DataSpace.Connector.Assets;

/// <summary>
/// Stores a file as one of this provider's assets, with its classification label. The label is
/// checked against the schema before a byte is stored; the content streams into the asset store
/// and appears only once complete.
/// </summary>
/// <param name="Suffix">The asset id's suffix (the part after <c>{participant}/</c>).</param>
/// <param name="Label">The classification label.</param>
/// <param name="Content">The file.</param>
/// <param name="FileName">The uploaded file name, if any.</param>
public sealed record RegisterAsset(string Suffix, JsonObject Label, Stream Content, string? FileName) : ICommand<Result<AssetView>>, IValidated
{
    /// <inheritdoc/>
    public Error? Validate()
    {
        if (Suffix.Length is 0 or > 100 || !Suffix.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || Suffix.StartsWith('.'))
        {
            return Error.Invalid($"id \"{Suffix}\" must be 1-100 letters, digits, '-', '_' or '.' (not starting with '.'), e.g. PRD-0001.");
        }
        return LabelValidator.Validate(Label) is { IsValid: false } label ? Error.Invalid($"The classification label is not valid: {label}.") : null;
    }
}

internal sealed class RegisterAssetHandler(ConnectorStores stores, ParticipantKeys keys) : ICommandHandler<RegisterAsset, Result<AssetView>>
{
    public async ValueTask<Result<AssetView>> Handle(RegisterAsset command, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AssetView.LabelMetadata] = System.Text.Encoding.UTF8.GetString(CanonicalJson.Serialize(command.Label)),
        };
        if (command.FileName is { Length: > 0 } name)
        {
            metadata[AssetView.FileNameMetadata] = Path.GetFileName(name);
        }
        var info = await stores.Assets.PutAsync($"{keys.ParticipantId}/{command.Suffix}", command.Content, metadata, cancellationToken).ConfigureAwait(false);
        return AssetView.Of(info);
    }
}
