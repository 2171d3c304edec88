using System.CommandLine;
using System.Globalization;
using ActionNet.Cli.Output;
using ActionNet.Storage.Keys;
using Spectre.Console;

namespace ActionNet.Cli.Commands;

/// <summary>
/// <c>actionnet keys create|list|revoke</c>: the API keys, kept hashed in the storage account. Works on the storage
/// account directly (whoever holds its connection string is an administrator), so the first admin key can be made
/// before any key exists; <c>/api/v1/keys</c> does the same for admins over the API.
/// </summary>
public static class KeysCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var storage = new Option<string?>("--storage")
        {
            Description = "storage connection string holding the keys (env ACTIONNET_STORAGE)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("ACTIONNET_STORAGE"),
            Recursive = true,
        };
        var command = new Command("keys", "create, list and revoke API keys") { CreateCreate(storage), CreateList(storage), CreateRevoke(storage) };
        command.Options.Add(storage);
        return command;
    }

    private static ApiKeyStore Store(ParseResult parse, Option<string?> storage) =>
        new(parse.GetValue(storage) is { Length: > 0 } connection
            ? connection
            : throw new CliInputException("keys need --storage (or ACTIONNET_STORAGE): the storage account's connection string"));

    private static Command CreateCreate(Option<string?> storage)
    {
        var role = new Option<string>("--role") { Description = "viewer, operator or admin", Required = true };
        var name = new Option<string>("--name") { Description = "who or what uses the key", DefaultValueFactory = _ => "cli" };
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("create", "create a key and print it once (it is stored only as a hash)") { role, name, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetRequiredValue(role);
            if (!Enum.TryParse<ApiRole>(text, ignoreCase: true, out var parsed) || int.TryParse(text, out _))
            {
                throw new CliInputException($"--role '{Abstractions.Cameras.CameraInputRules.Quote(text)}' is unknown: expected viewer, operator or admin");
            }

            var (info, key) = await Store(parse, storage).CreateAsync(parsed, parse.GetRequiredValue(name), cancellationToken);
            if (parse.GetValue(json))
            {
                CliJson.Write(new { id = info.Id, key, role = info.Role.ToString().ToLowerInvariant(), name = info.Name });
                return 0;
            }

            Console.Out.WriteLine($"key {info.Id} ({info.Role.ToString().ToLowerInvariant()}, {info.Name}); shown once, store it now:");
            Console.Out.WriteLine(key);
            return 0;
        });
        return command;
    }

    private static Command CreateList(Option<string?> storage)
    {
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("list", "list keys (never the keys themselves)") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var keys = await Store(parse, storage).ListAsync(cancellationToken);
            if (parse.GetValue(json))
            {
                CliJson.Write(keys);
                return 0;
            }

            var table = new Table().AddColumns("id", "role", "name", "created", "revoked");
            foreach (var k in keys)
            {
                table.AddRow(k.Id, k.Role.ToString().ToLowerInvariant(), Markup.Escape(k.Name), k.CreatedAt.ToString("u", CultureInfo.InvariantCulture), k.RevokedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-");
            }

            CliConsole.Out.Write(table);
            CliConsole.Out.WriteLine($"{keys.Count} key(s)");
            return 0;
        });
        return command;
    }

    private static Command CreateRevoke(Option<string?> storage)
    {
        var id = new Argument<string>("id") { Description = "the key's id, as 'keys list' shows it" };
        var command = new Command("revoke", "revoke a key; it stops working within seconds") { id };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var keyId = parse.GetRequiredValue(id);
            if (!await Store(parse, storage).RevokeAsync(keyId, cancellationToken))
            {
                throw new CliInputException($"key '{keyId}' does not exist; 'actionnet keys list' shows the keys");
            }

            Console.Out.WriteLine($"key {keyId} revoked");
            return 0;
        });
        return command;
    }
}
