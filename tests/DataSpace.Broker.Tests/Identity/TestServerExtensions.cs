using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace DataSpace.Broker.Tests.Identity;

internal static class TestServerExtensions
{
    public static HttpMessageHandler GetTestServerHandler(this WebApplication app) => app.GetTestServer().CreateHandler();
}
