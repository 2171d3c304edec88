using ActionNet.Api.Apis;
using ActionNet.Api.Auth;
using ActionNet.ServiceDefaults;
using ActionNet.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;

namespace ActionNet.Api.Hosting;

/// <summary>The API host's middleware, routes and start-up.</summary>
public static class ApiApplicationExtensions
{
    /// <summary>
    /// The web console's static files at <c>/</c> (public: it is the sign-in page), <c>/healthz</c> and <c>/readyz</c>
    /// (public, for probes), <c>/metrics</c> (a viewer key, which Prometheus sends as a bearer token), and every route of the API
    /// under <c>/api/v1</c> plus the OpenAPI document at <c>/openapi/v1.json</c>, all behind authentication, and the
    /// Orleans Dashboard at <c>/dashboard</c> for admins (a browser is asked for an admin key as the password).
    /// </summary>
    public static WebApplication MapActionNetApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSecurityHeaders(ApiKeyAuthenticationHandler.BasicPathPrefix);
        app.UseExceptionHandler();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseCors();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseStatusCodePages();

        app.MapActionNetHealthEndpoints();
        app.MapActionNetMetricsEndpoint().RequireAuthorization(ApiPolicies.Viewer);
        app.MapOpenApi().RequireAuthorization(ApiPolicies.Viewer);
        var api = app.MapGroup("/api/v1").AddEndpointFilter(ApiProblems.FilterAsync);
        api.MapCamerasApi();
        api.MapHistoryApi();
        api.MapEventsApi();
        api.MapClusterApi();
        api.MapKeysApi();
        api.MapAlertsApi();
        app.MapOrleansDashboard(ApiKeyAuthenticationHandler.BasicPathPrefix).RequireAuthorization(ApiPolicies.Admin).ExcludeFromDescription();
        api.MapFallback(ApiProblems.Unmatched).RequireAuthorization(ApiPolicies.Viewer);

        // The console's routes live in its URL fragment: only GET and HEAD of a page are the console.
        app.MapFallbackToFile("index.html").WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        return app;
    }

    /// <summary>
    /// Checks the settings and the storage account, starts, prints <c>api ready: http://host:port/</c> on standard
    /// output once listening, and runs until stopped. A bad or unreachable setting ends the process with exit
    /// code 2 and one line on standard error naming it.
    /// </summary>
    public static async Task<int> RunApiAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await StorageConnectionProbe.EnsureReachableAsync(ApiHostBuilderExtensions.StorageConnectionKey, app.Configuration[ApiHostBuilderExtensions.StorageConnectionKey]);
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            app.Lifetime.ApplicationStarted.Register(() =>
            {
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "";
                Console.Out.WriteLine($"api ready: {address.TrimEnd('/')}/");
                Console.Out.Flush();
            });
            await app.RunAsync();
            return 0;
        }
        catch (StorageAccountUnreachableException e)
        {
            return Fail(e.Message);
        }
        catch (OptionsValidationException e)
        {
            return Fail($"invalid configuration: {string.Join("; ", e.Failures)}");
        }
    }

    private static int Fail(string line)
    {
        Console.Error.WriteLine(line.ReplaceLineEndings(" "));
        return 2;
    }
}
