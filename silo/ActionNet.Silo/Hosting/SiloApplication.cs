using Microsoft.AspNetCore.Builder;

namespace ActionNet.Silo.Hosting;

/// <summary>Creates the silo's host builder.</summary>
public static class SiloApplication
{
    /// <summary>
    /// A web host builder (the silo serves /healthz, /readyz and /metrics) whose content root is the silo's own
    /// folder, so its appsettings.json is found whatever the working directory (the launcher runs
    /// <c>dotnet .../ActionNet.Silo.dll</c> from anywhere). Environment variables and <paramref name="args"/>
    /// override the file.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
}
