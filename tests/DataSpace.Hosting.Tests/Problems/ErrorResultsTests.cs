using DataSpace.Core.Results;
using DataSpace.Hosting.Problems;
using DataSpace.Hosting.Tests.Support;
using Microsoft.AspNetCore.Builder;

namespace DataSpace.Hosting.Tests.Problems;

/// <summary>The one mapping from <see cref="ErrorKind"/> to HTTP, and <see cref="Result{T}"/> answers.</summary>
public sealed class ErrorResultsTests
{
    private sealed record Offer(string Id);

    private static Task<TestApp> StartAsync() => TestApp.StartAsync(app =>
    {
        app.MapGet("/errors/{kind}", (ErrorKind kind) => new Error(kind, $"the {kind} message").ToProblem());
        app.MapGet("/offers/{id}", (string id) => Find(id).ToOk());
        app.MapPost("/offers/{id}", (string id) => Create(id).ToCreated(o => $"/offers/{o.Id}"));
    });

    private static Result<Offer> Find(string id) => id == "missing" ? Error.NotFound($"No offer {id}.") : new Offer(id);

    private static Result<Offer> Create(string id) => id == "taken" ? Error.Conflict($"Offer {id} exists.") : new Offer(id);

    [Theory]
    [InlineData(ErrorKind.Invalid, 400)]
    [InlineData(ErrorKind.Forbidden, 403)]
    [InlineData(ErrorKind.NotFound, 404)]
    [InlineData(ErrorKind.Conflict, 409)]
    [InlineData(ErrorKind.Unavailable, 503)]
    public async Task ToProblem_MapsTheKindToItsStatus_WithTheMessageAsDetail(ErrorKind kind, int status)
    {
        await using var app = await StartAsync();

        var response = await app.Client.GetAsync($"/errors/{kind}", TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, status);
        Assert.Equal($"the {kind} message", problem.Detail());
        Assert.Equal(status, ErrorResults.StatusCodeOf(kind));
    }

    [Fact]
    public void StatusCodeOf_CoversEveryKind()
    {
        foreach (var kind in Enum.GetValues<ErrorKind>())
        {
            Assert.InRange(ErrorResults.StatusCodeOf(kind), 400, 599);
        }
    }

    [Fact]
    public async Task ToOk_Success_Is200WithTheValue()
    {
        await using var app = await StartAsync();

        var response = await app.Client.GetAsync("/offers/o-1", TestContext.Current.CancellationToken);

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("{\"id\":\"o-1\"}", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ToOk_Failure_IsTheProblem()
    {
        await using var app = await StartAsync();

        var response = await app.Client.GetAsync("/offers/missing", TestContext.Current.CancellationToken);

        Assert.Equal("No offer missing.", (await ProblemAssert.IsProblemAsync(response, 404)).Detail());
    }

    [Fact]
    public async Task ToCreated_Success_Is201WithLocation()
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsync("/offers/o-2", null, TestContext.Current.CancellationToken);

        Assert.Equal(201, (int)response.StatusCode);
        Assert.Equal("/offers/o-2", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ToCreated_Failure_IsTheProblem()
    {
        await using var app = await StartAsync();

        var response = await app.Client.PostAsync("/offers/taken", null, TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, 409);
    }
}
