using System.CommandLine;
using ActionNet.Cli.Output;
using ActionNet.Client;

namespace ActionNet.Cli.Cluster;

/// <summary>
/// How the CLI finds the cluster: through its REST API (<c>--api</c> and <c>--api-key</c>), or through its gateways for
/// localhost/static clustering, or the storage account's membership table. Defaults come from ACTIONNET_API,
/// ACTIONNET_API_KEY, ACTIONNET_GATEWAYS, ACTIONNET_CLUSTERING, ACTIONNET_STORAGE, ACTIONNET_CLUSTER_ID and
/// ACTIONNET_SERVICE_ID, then 127.0.0.1:30000. A flag on the command line wins over the environment.
/// </summary>
public sealed class ClusterOptions
{
    /// <summary>The API's address and key.</summary>
    public ApiEndpointOptions Api { get; } = new();

    /// <summary>Gateway endpoints, comma-separated host:port.</summary>
    public Option<string> Gateways { get; } = new("--gateway")
    {
        Description = "silo gateway(s), comma-separated host:port (env ACTIONNET_GATEWAYS)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ACTIONNET_GATEWAYS") ?? "127.0.0.1:30000",
        Recursive = true,
    };

    /// <summary>localhost (static gateways) or azuretable (membership table in the storage account).</summary>
    public Option<string> Clustering { get; } = new("--clustering")
    {
        Description = "localhost (use --gateway) or azuretable (use --storage) (env ACTIONNET_CLUSTERING)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ACTIONNET_CLUSTERING") ?? "localhost",
        Recursive = true,
    };

    /// <summary>Storage connection string for azuretable clustering.</summary>
    public Option<string?> Storage { get; } = new("--storage")
    {
        Description = "storage connection string, for --clustering azuretable (env ACTIONNET_STORAGE)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ACTIONNET_STORAGE"),
        Recursive = true,
    };

    /// <summary>Orleans cluster id.</summary>
    public Option<string> ClusterId { get; } = new("--cluster-id")
    {
        Description = "Orleans cluster id (env ACTIONNET_CLUSTER_ID)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ACTIONNET_CLUSTER_ID") ?? "actionnet",
        Recursive = true,
    };

    /// <summary>Orleans service id.</summary>
    public Option<string> ServiceId { get; } = new("--service-id")
    {
        Description = "Orleans service id (env ACTIONNET_SERVICE_ID)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ACTIONNET_SERVICE_ID") ?? "actionnet",
        Recursive = true,
    };

    /// <summary>Adds the options to <paramref name="command"/> and its subcommands.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Api.AddTo(command);
        command.Options.Add(Gateways);
        command.Options.Add(Clustering);
        command.Options.Add(Storage);
        command.Options.Add(ClusterId);
        command.Options.Add(ServiceId);
    }

    /// <summary>
    /// Connects with the parsed options: through the API when an address is given (unless gateway options are given on the
    /// command line and the address only in the environment), else through the gateways.
    /// </summary>
    /// <exception cref="CliInputException">Both --api and gateway options are on the command line, or the API options are incomplete.</exception>
    /// <exception cref="ClusterUnreachableException">The gateways do not answer.</exception>
    public async Task<IClusterSession> ConnectAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var gatewayFlags = new Option[] { Gateways, Clustering, ClusterId, ServiceId }.Any(o => parse.GetResult(o) is { Implicit: false });
        if (gatewayFlags && Api.GivenExplicitly(parse))
        {
            throw new CliInputException("choose one way to the cluster: --api, or --gateway/--clustering (the gateways are for local clusters)");
        }

        if (!gatewayFlags && Api.Client(parse) is { } api)
        {
            return new ApiClusterSession(api);
        }

        return await GatewayClusterSession.ConnectAsync(
            new ClusterEndpoint(
                parse.GetRequiredValue(Clustering),
                parse.GetRequiredValue(Gateways),
                parse.GetValue(Storage),
                parse.GetRequiredValue(ClusterId),
                parse.GetRequiredValue(ServiceId)),
            cancellationToken);
    }
}
