using Microsoft.Extensions.DependencyInjection;

namespace DataSpace.Hosting.Tokens;

/// <summary>Puts the space's bearer token on a named or typed <see cref="HttpClient"/>.</summary>
public static class SpaceTokenHttpClientBuilderExtensions
{
    /// <summary>Adds a <see cref="SpaceTokenHandler"/> using the <see cref="SpaceTokenClient"/> registered in the container.</summary>
    public static IHttpClientBuilder AddSpaceTokenHandler(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddHttpMessageHandler(services => new SpaceTokenHandler(services.GetRequiredService<SpaceTokenClient>()));
    }
}
