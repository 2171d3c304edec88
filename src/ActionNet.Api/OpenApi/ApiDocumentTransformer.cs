using ActionNet.Api.Apis;
using ActionNet.Api.Hosting;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace ActionNet.Api.OpenApi;

/// <summary>
/// Completes the generated document from the running host: its title and purpose, the security schemes these settings
/// accept (API keys, and OIDC bearer tokens when an authority is set), and a description for every tag the route groups
/// carry (<see cref="ApiTag"/>). Operations get their own details from <see cref="ApiOperationTransformer"/>.
/// </summary>
public sealed class ApiDocumentTransformer(IOptions<ApiOptions> options) : IOpenApiDocumentTransformer
{
    /// <inheritdoc/>
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        document.Info = new OpenApiInfo
        {
            Title = "ActionNet Cluster API",
            Version = "v1",
            Description = "Cameras, their history of human actions, live events, alert rules, API keys and the cluster's state. "
                + "Every operation needs an API key (or an OIDC token where the site configures one); errors are RFC 7807 problems whose "
                + "detail is one line, in the API's own parameter names.",
        };

        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        var schemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            [ApiSecuritySchemes.ApiKey] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "ank_<id>_<secret>",
                Description = "An API key (actionnet keys create, or POST /api/v1/keys) as Authorization: Bearer ank_<id>_<secret>.",
            },
            [ApiSecuritySchemes.ApiKeyHeader] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "The same API key in the X-Api-Key header.",
            },
        };
        if (ApiSecuritySchemes.Accepted(options.Value).Contains(ApiSecuritySchemes.Oidc))
        {
            schemes[ApiSecuritySchemes.Oidc] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.OpenIdConnect,
                OpenIdConnectUrl = new Uri($"{options.Value.Oidc.Authority.TrimEnd('/')}/.well-known/openid-configuration"),
                Description = $"A JWT bearer token from the site's identity provider (audience {options.Value.Oidc.Audience}); its '{options.Value.Oidc.RoleClaim}' claim holds the role, '{options.Value.Oidc.CamerasClaim}' the cameras it is limited to.",
            };
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes = schemes;

        var tags = context.DescriptionGroups.SelectMany(g => g.Items)
            .Select(d => d.ActionDescriptor.EndpointMetadata.OfType<ApiTag>().LastOrDefault())
            .OfType<ApiTag>()
            .DistinctBy(t => t.Name)
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
        return Task.CompletedTask;
    }
}
