using System.CommandLine;
using System.Globalization;
using ActionNet.Abstractions.Cameras;
using ActionNet.Cli.Cluster;
using ActionNet.Cli.Keys;
using ActionNet.Cli.Output;
using ActionNet.Storage.Keys;
using Spectre.Console;

namespace ActionNet.Cli.Commands;

/// <summary>
/// <c>actionnet keys create|list|revoke</c>: the API keys, kept hashed in the storage account. With <c>--storage</c> (or
/// ACTIONNET_STORAGE) it works on the storage account directly (whoever holds its connection string is an administrator),
/// so the first admin key can be made before any key exists; with <c>--api</c> and an admin <c>--api-key</c> it goes
/// through <c>/api/v1/keys</c>. A key may be limited to cameras (<c>--cameras 'lobby-*,dock-1'</c>).
/// </summary>
public static class KeysCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var storage = new Option<string?>("--storage")
        {
            Description = "storage connection string holding the keys, for the first admin key (env ACTIONNET_STORAGE)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ACTIONNET_STORAGE"),
            Recursive = true,
        };
        var api = new ApiEndpointOptions();
        var command = new Command("keys", "create, list and revoke API keys") { CreateCreate(storage, api), CreateList(storage, api), CreateRevoke(storage, api) };
        command.Options.Add(storage);
        api.AddTo(command);
        return command;
    }

    // --storage on the command line wins over an API address from the environment: it is how the first key is made.
    private static async Task<IApiKeys> KeysAsync(ParseResult parse, Option<string?> storage, ApiEndpointOptions api, CancellationToken cancellationToken)
    {
        var storageGiven = parse.GetResult(storage) is { Implicit: false };
        if (storageGiven && api.GivenExplicitly(parse))
        {
            throw new CliInputException("choose one place for the keys: --storage (the storage account) or --api (the API, with an admin key)");
        }

        if (!storageGiven && api.Client(parse) is { } client)
        {
            return new HttpApiKeys(client);
        }

        return new StorageApiKeys(new ApiKeyStore(await StorageAccount.CheckAsync(parse.GetValue(storage), "keys without --api", cancellationToken)));
    }

    private static Command CreateCreate(Option<string?> storage, ApiEndpointOptions api)
    {
        var role = new Option<string>("--role") { Description = "viewer, operator or admin", Required = true };
        var name = new Option<string>("--name") { Description = "who or what uses the key", DefaultValueFactory = _ => "cli" };
        var cameras = new Option<string?>("--cameras") { Description = "limit the key to these cameras: ids and patterns, comma-separated, e.g. 'lobby-*,dock-1' (viewer and operator keys; default: every camera)" };
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("create", "create a key and print it once (it is stored only as a hash)") { role, name, cameras, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetRequiredValue(role);
            if (!Enum.TryParse<ApiRole>(text, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(text, out _))
            {
                throw new CliInputException($"--role '{CameraInputRules.Quote(text)}' is unknown: expected viewer, operator or admin");
            }

            var scope = CameraScope.Parse(parse.GetValue(cameras), "--cameras");
            if (ApiKeyStore.ScopeProblem(parsed, scope) is { } problem)
            {
                throw new CliInputException(problem);
            }

            using var keys = await KeysAsync(parse, storage, api, cancellationToken);
            var (info, key) = await keys.CreateAsync(parsed, parse.GetRequiredValue(name), scope, cancellationToken);
            var roleName = info.Role.ToString().ToLowerInvariant();
            if (parse.GetValue(json))
            {
                CliJson.Write(new { id = info.Id, key, role = roleName, name = info.Name, cameras = info.Cameras });
                return 0;
            }

            Console.Out.WriteLine($"key {info.Id} ({roleName}, {info.Name}{(info.Cameras.Length > 0 ? $", cameras {string.Join(",", info.Cameras)}" : "")}); shown once, store it now:");
            Console.Out.WriteLine(key);
            return 0;
        });
        return command;
    }

    private static Command CreateList(Option<string?> storage, ApiEndpointOptions api)
    {
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("list", "list keys (never the keys themselves)") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var store = await KeysAsync(parse, storage, api, cancellationToken);
            var keys = await store.ListAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                CliJson.Write(keys);
                return 0;
            }

            var table = new Table().AddColumns("id", "role", "name", "cameras", "created", "revoked");
            foreach (var k in keys)
            {
                table.AddRow(
                    k.Id,
                    k.Role.ToString().ToLowerInvariant(),
                    Markup.Escape(k.Name),
                    Markup.Escape(k.Cameras.Length > 0 ? string.Join(",", k.Cameras) : "all"),
                    k.CreatedAt.ToString("u", CultureInfo.InvariantCulture),
                    k.RevokedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-");
            }

            CliConsole.Out.Write(table);
            CliConsole.Out.WriteLine($"{keys.Count} key(s)");
            return 0;
        });
        return command;
    }

    private static Command CreateRevoke(Option<string?> storage, ApiEndpointOptions api)
    {
        var id = new Argument<string>("id") { Description = "the key's id, as 'keys list' shows it" };
        var command = new Command("revoke", "revoke a key; it stops working within seconds") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var keyId = parse.GetRequiredValue(id);
            using var keys = await KeysAsync(parse, storage, api, cancellationToken);
            if (!await keys.RevokeAsync(keyId, cancellationToken))
            {
                throw new CliInputException($"key '{keyId}' does not exist; 'actionnet keys list' shows the keys");
            }

            Console.Out.WriteLine($"key {keyId} revoked");
            return 0;
        });
        return command;
    }
}
