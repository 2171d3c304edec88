using System.CommandLine;
using ActionNet.Abstractions.Cameras;
using ActionNet.Cli.Output;

namespace ActionNet.Cli.Cluster;

/// <summary>
/// <c>--api &lt;url&gt;</c> and <c>--api-key &lt;key&gt;</c> (env <c>ACTIONNET_API</c>, <c>ACTIONNET_API_KEY</c>): reach the cluster
/// through its REST API, the only way in from outside it.
/// </summary>
public sealed class ApiEndpointOptions
{
    /// <summary>The API's address.</summary>
    public Option<string?> Api { get; } = new("--api")
    {
        Description = "the ActionNet API's address, e.g. https://actionnet.example.com; the commands then go through the API (env ACTIONNET_API)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ACTIONNET_API") is { Length: > 0 } api ? api : null,
        Recursive = true,
    };

    /// <summary>The API key.</summary>
    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = "the API key to send with --api (env ACTIONNET_API_KEY)",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ACTIONNET_API_KEY") is { Length: > 0 } key ? key : null,
        Recursive = true,
    };

    /// <summary>Adds the options to <paramref name="command"/> and its subcommands.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Api);
        command.Options.Add(ApiKey);
    }

    /// <summary>Whether an API address was given on the command line (not only in the environment).</summary>
    public bool GivenExplicitly(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetResult(Api) is { Implicit: false };
    }

    /// <summary>A client of the API the options name; null when they name none.</summary>
    /// <exception cref="CliInputException">The address is not an http(s) URL, or no key is given.</exception>
    public ApiClient? Client(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.GetValue(Api) is not { } address)
        {
            return null;
        }

        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CliInputException($"--api '{CameraInputRules.Quote(address)}' is invalid: expected the API's address, such as https://actionnet.example.com");
        }

        return parse.GetValue(ApiKey) is { Length: > 0 } key
            ? new ApiClient(uri, key)
            : throw new CliInputException("--api needs --api-key (or ACTIONNET_API_KEY): an API key as 'actionnet keys create' prints it");
    }
}
