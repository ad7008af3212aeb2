using System.Text.Json;
using System.Text.Json.Nodes;
using DataSpace.Connector.Common;
using DataSpace.Core.Results;
using DataSpace.Crypto.Keys;
using DataSpace.Hosting.Limits;
using DataSpace.Hosting.Problems;
using Mediator;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace DataSpace.Connector.Assets;

/// <summary>
/// The provider's asset API (local applications only): upload a file with its label as
/// <c>multipart/form-data</c> — fields <c>id</c>, <c>label</c>, then <c>file</c>, e.g.
/// <c>curl -F id=PRD-0001 -F label=@label.json -F file=@data.csv</c> — and list what is stored.
/// The file streams straight into the store; nothing is buffered whole.
/// </summary>
internal static class AssetEndpoints
{
    public static IEndpointRouteBuilder MapAssets(this IEndpointRouteBuilder app, long maxAssetBytes)
    {
        var group = app.MapGroup("/assets").WithTags("Assets").RequireLocalApi();
        group.MapPost("/", (HttpRequest request, IMediator mediator, CancellationToken ct) => UploadAsync(request, mediator, ct))
            .AllowLargeBody(maxAssetBytes)
            .WithSummary("Store an asset with its classification label (multipart: id, label, file — in that order)");
        group.MapGet("/", async (ConnectorStores stores, ParticipantKeys keys, CancellationToken ct) =>
        {
            var list = new List<AssetView>();
            await foreach (var info in stores.Assets.ListAsync(keys.ParticipantId + "/", ct))
            {
                list.Add(AssetView.Of(info));
            }
            return list;
        })
        .WithSummary("List this provider's assets");
        return app;
    }

    private static async Task<IResult> UploadAsync(HttpRequest request, IMediator mediator, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
        {
            return Error.Invalid("Send the asset as multipart/form-data with the fields id, label and file (in that order).").ToProblem();
        }
        var reader = new MultipartReader(boundary, request.Body);
        string? suffix = null;
        JsonObject? label = null;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            var disposition = section.GetContentDispositionHeader();
            var name = disposition?.Name.Value?.Trim('"');
            switch (name)
            {
                case "id":
                    suffix = (await new StreamReader(section.Body).ReadToEndAsync(ct)).Trim();
                    break;
                case "label":
                    var parsed = await ReadLabelAsync(section.Body, ct);
                    if (!parsed.IsSuccess)
                    {
                        return parsed.Error.ToProblem();
                    }
                    label = parsed.Value;
                    break;
                case "file":
                    if (suffix is null || label is null)
                    {
                        return Error.Invalid("The fields id and label must come before file, so the label is checked before any data is stored.").ToProblem();
                    }
                    var result = await mediator.Send(new RegisterAsset(suffix, label, section.Body, disposition?.FileName.Value?.Trim('"')), ct);
                    return result.ToCreated(a => $"/assets/{Uri.EscapeDataString(a.AssetId)}");
                default:
                    return Error.Invalid($"Unexpected form field \"{name}\"; send id, label and file.").ToProblem();
            }
        }
        return Error.Invalid("The form has no file field.").ToProblem();
    }

    private static async Task<Result<JsonObject>> ReadLabelAsync(Stream body, CancellationToken ct)
    {
        try
        {
            return await JsonNode.ParseAsync(body, documentOptions: new JsonDocumentOptions { MaxDepth = 32 }, cancellationToken: ct) is JsonObject label
                ? label
                : Error.Invalid("label must be a JSON object.");
        }
        catch (JsonException e)
        {
            return Error.Invalid($"label is not valid JSON: {e.Message}");
        }
    }
}
