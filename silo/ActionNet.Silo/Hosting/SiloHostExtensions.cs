using ActionNet.Grains.Cluster;
using ActionNet.Grains.Hosting;
using ActionNet.Storage;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ActionNet.Silo.Hosting;

/// <summary>Runs a built ActionNet silo with fail-fast start-up checks.</summary>
public static class SiloHostExtensions
{
    /// <summary>
    /// Probes the storage account, starts the silo, prints
    /// <c>silo &lt;name&gt; ready: accelerator=&lt;label&gt; gateway=127.0.0.1:&lt;port&gt; http=&lt;port&gt;</c> on standard output once it
    /// has joined the cluster, and runs until stopped. A missing or unreachable setting ends the process
    /// with exit code 2 and one line on standard error naming the setting.
    /// </summary>
    public static async Task<int> RunSiloAsync(this IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        try
        {
            await StorageConnectionProbe.EnsureReachableAsync(
                GrainsServiceCollectionExtensions.StorageConnectionKey,
                configuration[GrainsServiceCollectionExtensions.StorageConnectionKey]);
            // Validate before Orleans starts, so a bad setting is one line and not a logged start-up failure.
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            lifetime.ApplicationStarted.Register(() => AnnounceReady(host.Services));
            await host.RunAsync();
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
        catch (InvalidOperationException e) when (e.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase))
        {
            return Fail($"invalid configuration: {e.Message}");
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            return Fail($"{SiloOptions.SectionName}:{nameof(SiloOptions.HttpPort)}: {e.Message}");
        }
    }

    private static void AnnounceReady(IServiceProvider services)
    {
        var identity = services.GetRequiredService<SiloIdentity>();
        var options = services.GetRequiredService<IOptions<SiloOptions>>().Value;
        var silo = services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        Console.Out.WriteLine($"silo {identity.Name} ready: accelerator={identity.Accelerator} gateway=127.0.0.1:{options.GatewayPort} http={options.HttpPort} address={silo} clustering={options.Clustering}");
        Console.Out.Flush();
    }

    private static int Fail(string line)
    {
        Console.Error.WriteLine(line.ReplaceLineEndings(" "));
        return 2;
    }
}
