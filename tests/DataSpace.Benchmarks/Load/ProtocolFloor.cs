using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DataSpace.Benchmarks.Load;

/// <summary>
/// The floor under the negotiation load: the same four HTTP exchanges a negotiation makes, between
/// the same three processes, with bodies of the same sizes — and no work at all (no parsing,
/// signatures, policy or ledger). What it costs is what the transport alone costs on this
/// machine, the part no change inside the broker or the connector can remove.
/// <code>
/// protocol-floor broker --urls URL --provider URL
/// protocol-floor provider --urls URL
/// protocol-floor load --broker URL [--clients N] [--seconds S] [--warmup S] [--watch name=PID,...]
/// </code>
/// </summary>
internal static class ProtocolFloor
{
    // Body sizes of a real negotiation (broker and connector request logs, 2026-11-27): the
    // consumer's request, the first callback and the provider's agreement, the broker's AGREED
    // view; the countersigned agreement, the second callback, the provider's Finalize, the FINALIZED view.
    // The agreement answer is 159 bytes shorter since 2026-11-28: it carries no signature of its own.
    private static readonly byte[] Request = Body(537), Callback = Body(3053), Agreement = Body(3926), AgreedView = Body(3900);
    private static readonly byte[] Verification = Body(3970), VerificationCallback = Body(4270), Finalize = Body(241), FinalizedView = Body(4100);

    public static async Task<int> RunAsync(string[] args)
    {
        var role = args.Length > 0 ? args[0] : string.Empty;
        var arguments = LoadArguments.Parse(args[Math.Min(1, args.Length)..]);
        switch (role)
        {
            case "broker":
                await ServeBrokerAsync(arguments.Required("urls"), arguments.RequiredBaseUri("provider")).ConfigureAwait(false);
                return 0;
            case "provider":
                await ServeProviderAsync(arguments.Required("urls")).ConfigureAwait(false);
                return 0;
            case "load":
                return await LoadAsync(arguments).ConfigureAwait(false);
            default:
                Console.Error.WriteLine("usage: protocol-floor broker|provider|load --name value ...");
                return 2;
        }
    }

    private static async Task ServeBrokerAsync(string urls, Uri provider)
    {
        using var toProvider = new HttpClient { BaseAddress = provider };
        var app = Host(urls);
        app.MapPost("/negotiations", async (HttpContext http) => await ForwardAsync(http, toProvider, Callback, Agreement.Length, AgreedView));
        app.MapPost("/negotiations/{id}/verification", async (HttpContext http) => await ForwardAsync(http, toProvider, VerificationCallback, Finalize.Length, FinalizedView));
        await app.RunAsync().ConfigureAwait(false);
    }

    private static async Task ServeProviderAsync(string urls)
    {
        var app = Host(urls);
        app.MapPost("/dsp/negotiations/callback", async (HttpContext http) =>
        {
            var body = await ReadAllAsync(http.Request).ConfigureAwait(false);
            // The callback's size says which answer it wants, as the message type does in a real one.
            await WriteAsync(http.Response, body.Length == Callback.Length ? Agreement : Finalize).ConfigureAwait(false);
        });
        await app.RunAsync().ConfigureAwait(false);
    }

    /// <summary>The broker's side of one exchange: read the consumer's body, call the provider, answer.</summary>
    private static async Task ForwardAsync(HttpContext http, HttpClient toProvider, byte[] callback, int expectedAnswer, byte[] view)
    {
        var request = await ReadAllAsync(http.Request).ConfigureAwait(false);
        using var answer = await toProvider.PostAsync("dsp/negotiations/callback", Json(callback), http.RequestAborted).ConfigureAwait(false);
        var answered = await answer.Content.ReadAsByteArrayAsync(http.RequestAborted).ConfigureAwait(false);
        http.Response.StatusCode = request.Length > 0 && answered.Length == expectedAnswer ? StatusCodes.Status200OK : StatusCodes.Status502BadGateway;
        await WriteAsync(http.Response, view).ConfigureAwait(false);
    }

    private static async Task<int> LoadAsync(LoadArguments arguments)
    {
        var broker = arguments.RequiredBaseUri("broker");
        return await ClosedLoopLoad.RunAsync("protocol floor, ", LoadShape.From(arguments), i =>
        {
            var client = new HttpClient { BaseAddress = broker, Timeout = TimeSpan.FromSeconds(60) };
            return (n => NegotiateAsync(client, n), new HeldResources(client));
        }).ConfigureAwait(false);
    }

    private static async Task<bool> NegotiateAsync(HttpClient broker, int n)
    {
        using var agreed = await broker.PostAsync("negotiations", Json(Request)).ConfigureAwait(false);
        var view = await agreed.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        if (!agreed.IsSuccessStatusCode || view.Length != AgreedView.Length)
        {
            return false;
        }
        using var finalized = await broker.PostAsync(string.Create(CultureInfo.InvariantCulture, $"negotiations/floor-{n}/verification"), Json(Verification)).ConfigureAwait(false);
        return finalized.IsSuccessStatusCode && (await finalized.Content.ReadAsByteArrayAsync().ConfigureAwait(false)).Length == FinalizedView.Length;
    }

    private static WebApplication Host(string urls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(urls);
        return builder.Build();
    }

    private static async Task<byte[]> ReadAllAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static Task WriteAsync(HttpResponse response, byte[] body)
    {
        response.ContentType = "application/json";
        return response.Body.WriteAsync(body, response.HttpContext.RequestAborted).AsTask();
    }

    private static ByteArrayContent Json(byte[] body) => new(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

    /// <summary>A JSON document of exactly <paramref name="size"/> bytes: one string of padding.</summary>
    private static byte[] Body(int size) => Encoding.UTF8.GetBytes("\"" + new string('x', size - 2) + "\"");
}
