using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DataSpace.Cli.Hosting;

namespace DataSpace.Cli.Tests.Policy;

public sealed partial class PolicyServeCommandTests
{
    [Fact]
    public async Task Serve_LoadsDirectory_AnswersOpaRequestsUntilCancelled()
    {
        using var fixture = new PolicyFixture();
        var buffer = new StringWriter();
        // The server writes from another thread; SyncTextWriter locks on itself, so reads lock it too.
        var output = TextWriter.Synchronized(buffer);
        var error = TextWriter.Synchronized(new StringWriter());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var running = DataSpaceCommandLine.RunAsync(["policy", "serve", "--addr", "127.0.0.1:0", "-d", fixture.Policies], CliConsole.Captured(output, error), stop.Token);
        var address = await WaitForAddressAsync(() => Read(output, buffer), running);
        using var http = new HttpClient { BaseAddress = address };
        using var response = await http.PostAsync("v1/data/authz/allow", new StringContent("""{"input": {"user": "alice"}}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        await stop.CancelAsync();
        var exitCode = await running;

        Assert.True(answer["result"]!.GetValue<bool>());
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("bundle sha256:", Read(output, buffer));
    }

    [Fact]
    public async Task Serve_BadAddress_Exit3()
    {
        var run = await CliRun.RunAsync("policy", "serve", "--addr", "nowhere");

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.Contains("not a listen address", run.Error);
    }

    [Fact]
    public async Task Serve_BadRego_Exit3BeforeListening()
    {
        using var fixture = new PolicyFixture();
        fixture.Write("policies/bad.rego", "package bad\nallow if {");

        var run = await CliRun.RunAsync("policy", "serve", "--addr", "127.0.0.1:0", "-d", fixture.Policies);

        Assert.Equal(ExitCodes.InputError, run.ExitCode);
        Assert.DoesNotContain("listening", run.Out);
    }

    private static string Read(TextWriter output, StringWriter buffer)
    {
        lock (output)
        {
            return buffer.ToString();
        }
    }

    private static async Task<Uri> WaitForAddressAsync(Func<string> output, Task<int> running)
    {
        for (var i = 0; i < 200; i++)
        {
            if (Listening().Match(output()) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value);
            }
            Assert.False(running.IsCompleted, $"serve exited early with {(running.IsCompleted ? running.Result : 0)}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException("serve did not print its address");
    }

    [GeneratedRegex(@"listening on (http://\S+)")]
    private static partial Regex Listening();
}
