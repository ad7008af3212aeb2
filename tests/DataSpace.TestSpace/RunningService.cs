using Microsoft.AspNetCore.Builder;

namespace DataSpace.TestSpace;

/// <summary>A broker or connector running in this process on a loopback port; disposing stops it.</summary>
public sealed class RunningService(WebApplication app, Uri url, string dataDirectory) : IAsyncDisposable
{
    public WebApplication App { get; } = app;

    public Uri Url { get; } = url;

    public string DataDirectory { get; } = dataDirectory;

    public T Service<T>()
        where T : notnull => (T)App.Services.GetService(typeof(T))!;

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync().ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
    }
}
