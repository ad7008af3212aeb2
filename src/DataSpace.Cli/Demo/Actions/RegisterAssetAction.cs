using System.Net.Http.Headers;
using DataSpace.Cli.Demo.Scenarios;

namespace DataSpace.Cli.Demo.Actions;

/// <summary>The provider stores a sample file with its classification label (connector <c>POST /assets</c>, multipart: id, label, file).</summary>
internal sealed class RegisterAssetAction(AssetSample asset) : DemoAction(asset.Owner, Expectation.Allow)
{
    public override string Describe(Story story) =>
        $"register {asset.Suffix}: {Path.GetFileName(asset.File)} ({asset.Label["category"]}, {asset.Label["domain"]}, {asset.Label["sector"]}{PersonalInfo()})";

    public override async Task<Outcome> RunAsync(Story story, CancellationToken cancellationToken)
    {
        var party = story.Running.Party(asset.Owner);
        await using var file = File.OpenRead(asset.File);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(asset.Suffix), "id" },
            { new StringContent(asset.Label.ToJsonString()), "label" },
            { new StreamContent(file) { Headers = { ContentType = new MediaTypeHeaderValue(MediaType(asset.File)) } }, "file", Path.GetFileName(asset.File) },
        };
        using var response = await party.Local.PostAsync("assets", form, cancellationToken);
        var answer = await ApiAnswer.ReadAsync(response, cancellationToken);
        if (!answer.IsSuccess)
        {
            return answer.Refusal();
        }
        var sha = answer.Json?["sha256"]?.GetValue<string>() ?? "";
        return Outcome.Allow($"{answer.Json?["assetId"]}: {answer.Json?["size"]} bytes, sha-256 {sha[..Math.Min(16, sha.Length)]}…; label checked against the schema");
    }

    private string PersonalInfo() => asset.Label["personalInfo"]?["contains"]?.GetValue<bool>() == true
        ? $", personal information of {asset.Label["personalInfo"]?["subjectCount"]} people"
        : "";

    private static string MediaType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".csv" => "text/csv",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };
}
