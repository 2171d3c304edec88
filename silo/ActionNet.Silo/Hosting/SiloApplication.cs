using Microsoft.Extensions.Hosting;

namespace ActionNet.Silo.Hosting;

/// <summary>Creates the silo's host builder.</summary>
public static class SiloApplication
{
    /// <summary>
    /// A host builder whose content root is the silo's own folder, so its appsettings.json is found
    /// whatever the working directory (the launcher runs <c>dotnet .../ActionNet.Silo.dll</c> from anywhere).
    /// Environment variables and <paramref name="args"/> override the file.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(string[] args) =>
        Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
}
