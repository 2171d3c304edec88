using System.Security.Cryptography;
using System.Text;
using ActionNet.Abstractions.Cameras;
using Azure;
using Azure.Data.Tables;

namespace ActionNet.Storage.Keys;

/// <summary>
/// API keys in the storage account's table <see cref="TableName"/>: a key is <c>ank_&lt;id&gt;_&lt;secret&gt;</c>, the row
/// (key: id) holds the SHA-256 of the secret (256 random bits, so a plain hash is enough), the role and the name.
/// The secret itself is never stored and never returned again after <see cref="CreateAsync"/>.
/// </summary>
public sealed class ApiKeyStore
{
    /// <summary>The table.</summary>
    public const string TableName = "ActionNetApiKeys";

    /// <summary>Longest key name.</summary>
    public const int MaxNameLength = 64;

    private const string Partition = "key";
    private const string Prefix = "ank_";
    private readonly TableClient table;
    private readonly Lazy<Task> created;

    /// <summary>A store over the account of <paramref name="connectionString"/>.</summary>
    public ApiKeyStore(string connectionString)
    {
        table = new TableServiceClient(connectionString).GetTableClient(TableName);
        created = new Lazy<Task>(() => table.CreateIfNotExistsAsync());
    }

    /// <summary>
    /// Creates a key of <paramref name="role"/> limited to <paramref name="cameras"/>; returns its listing and the key,
    /// which is not available again.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The name is empty, too long or has control characters, the role is unknown, or an admin key is limited to cameras
    /// (an admin manages keys, so it could always make itself one for every camera).
    /// </exception>
    public async Task<(ApiKeyInfo Info, string Key)> CreateAsync(ApiRole role, string name, CameraScope cameras, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cameras);
        if (CameraInputRules.TextProblem("key name", name, MaxNameLength) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        if (!Enum.IsDefined(role))
        {
            throw new ArgumentException($"role '{role}' is unknown: expected viewer, operator or admin");
        }

        if (ScopeProblem(role, cameras) is { } scope)
        {
            throw new ArgumentException(scope);
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var info = new ApiKeyInfo(id, name, role, DateTimeOffset.UtcNow, null, [.. cameras.Patterns]);
        await created.Value;
        await table.AddEntityAsync(
            new TableEntity(Partition, id)
            {
                ["Name"] = name,
                ["Role"] = role.ToString(),
                ["Hash"] = Hash(secret),
                ["CreatedAt"] = info.CreatedAt,
                ["Cameras"] = cameras.IsAll ? null : cameras.ToString(),
            },
            cancellationToken);
        return (info, $"{Prefix}{id}_{secret}");
    }

    /// <summary>
    /// Why a key of <paramref name="role"/> may not be limited to <paramref name="cameras"/>, or null: an admin manages keys,
    /// so it could always make itself one for every camera; only viewer and operator keys are limited.
    /// </summary>
    public static string? ScopeProblem(ApiRole role, CameraScope cameras)
    {
        ArgumentNullException.ThrowIfNull(cameras);
        return role == ApiRole.Admin && !cameras.IsAll
            ? $"an admin key cannot be limited to cameras ({cameras}): admins manage keys; limit a viewer or operator key instead"
            : null;
    }

    /// <summary>The key's listing when <paramref name="key"/> is a well-formed, known and unrevoked key; otherwise null.</summary>
    public async Task<ApiKeyInfo?> VerifyAsync(string key, CancellationToken cancellationToken = default)
    {
        if (ParseId(key) is not { } parsed)
        {
            return null;
        }

        await created.Value;
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, parsed.Id, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is not { } entity)
        {
            return null;
        }

        var expected = Convert.FromBase64String(entity.GetString("Hash") ?? "");
        var actual = Convert.FromBase64String(Hash(parsed.Secret));
        var info = ToInfo(entity);
        return CryptographicOperations.FixedTimeEquals(expected, actual) && info.RevokedAt is null ? info : null;
    }

    /// <summary>Every key, newest first, revoked ones included.</summary>
    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(CancellationToken cancellationToken = default)
    {
        await created.Value;
        var keys = new List<ApiKeyInfo>();
        await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            keys.Add(ToInfo(entity));
        }

        return [.. keys.OrderByDescending(k => k.CreatedAt)];
    }

    /// <summary>Revokes key <paramref name="id"/>; false when there is no such key.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not 12 hex digits.</exception>
    public async Task<bool> RevokeAsync(string id, CancellationToken cancellationToken = default)
    {
        if (id is not { Length: 12 } || !id.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException($"key id '{CameraInputRules.Quote(id)}' is invalid: expected the 12 hex digits 'actionnet keys list' shows");
        }

        await created.Value;
        try
        {
            await table.UpdateEntityAsync(new TableEntity(Partition, id) { ["RevokedAt"] = DateTimeOffset.UtcNow }, ETag.All, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>The id part of a key, for logs and rate limits; null when <paramref name="key"/> is not a key.</summary>
    public static string? IdOf(string? key) => ParseId(key)?.Id;

    private static (string Id, string Secret)? ParseId(string? key)
    {
        if (key is not { Length: > 18 } || !key.StartsWith(Prefix, StringComparison.Ordinal) || key[16] != '_')
        {
            return null;
        }

        var id = key[4..16];
        return id.All(char.IsAsciiHexDigitLower) ? (id, key[17..]) : null;
    }

    private static ApiKeyInfo ToInfo(TableEntity e) => new(
        e.RowKey,
        e.GetString("Name") ?? "",
        Enum.TryParse<ApiRole>(e.GetString("Role"), out var role) ? role : ApiRole.Viewer,
        e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("RevokedAt"),
        [.. CameraScope.Parse(e.GetString("Cameras"), "the stored key's cameras").Patterns]);

    private static string Hash(string secret) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
