using System.Text.Json.Nodes;
using ActionNet.Api.Auth;
using ActionNet.Api.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace ActionNet.Api.OpenApi;

/// <summary>
/// Gives every operation what the endpoint really does, read from its metadata and bindings rather than written by hand:
/// the security schemes and the least role its authorization policies admit (<c>x-actionnet-role</c>, and a sentence of
/// its description), and the problems every such route can answer, each as <c>application/problem+json</c>: 400 when it
/// binds any input, 401 and 403 when it needs a key, 415 when it reads a body, 429 (every route is rate limited) and 503
/// (the cluster or the storage account did not answer). A route that answers 404 says so itself (<c>ProducesProblem</c>).
/// </summary>
public sealed class ApiOperationTransformer(IOptions<ApiOptions> options) : IOpenApiOperationTransformer
{
    /// <summary>The extension naming the least role an operation needs.</summary>
    public const string RoleExtension = "x-actionnet-role";

    private const string ProblemSchema = "ProblemDetails";

    // The policies, least first: each admits its role and those above (ApiPolicies.RolesFor).
    private static readonly string[] Roles = [ApiPolicies.Viewer, ApiPolicies.Operator, ApiPolicies.Admin];

    /// <inheritdoc/>
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var role = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).OfType<string>()
            .Select(policy => Array.IndexOf(Roles, policy)).DefaultIfEmpty(-1).Max();
        var secured = role >= 0 && !metadata.OfType<IAllowAnonymous>().Any();

        var problems = new List<(int Status, string Description)>();
        if (context.Description.ParameterDescriptions.Count > 0)
        {
            problems.Add((400, "Bad Request: an input breaks its rule; the detail names it and says what was expected."));
        }

        if (secured)
        {
            var schemes = ApiSecuritySchemes.Accepted(options.Value);
            operation.Security = [.. schemes.Select(s => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(s, context.Document)] = [] })];
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions[RoleExtension] = new JsonNodeExtension(JsonValue.Create(Roles[role]));
            operation.Description = $"{operation.Description}{(string.IsNullOrEmpty(operation.Description) ? "" : " ")}Needs the {Roles[role]} role or above.".Trim();
            problems.Add((401, "Unauthorized: no key, or a key that is malformed, unknown or revoked."));
            problems.Add((403, "Forbidden: the key's role is below the operation's, or a camera it names is outside the key's cameras."));
        }

        if (context.Description.ParameterDescriptions.Any(p => p.Source.Id == "Body"))
        {
            problems.Add((415, "Unsupported Media Type: the body is not sent as application/json."));
        }

        problems.Add((429, "Too Many Requests: past the key's rate; retry after the Retry-After seconds."));
        problems.Add((503, "Service Unavailable: the ActionNet cluster or the storage account did not answer."));

        var schema = await ProblemReferenceAsync(context, cancellationToken);
        operation.Responses ??= [];
        foreach (var (status, description) in problems)
        {
            operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new OpenApiMediaType { Schema = schema } },
            });
        }
    }

    private static async Task<IOpenApiSchema> ProblemReferenceAsync(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("the OpenAPI operation has no document to hold the problem schema");
        if (document.Components?.Schemas?.ContainsKey(ProblemSchema) != true)
        {
            document.AddComponent<IOpenApiSchema>(ProblemSchema, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken));
        }

        return new OpenApiSchemaReference(ProblemSchema, document);
    }
}
